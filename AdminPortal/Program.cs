using AdminPortal;
using AdminPortal.Cli;
using AdminPortal.Hosting;

// With a command (migrate, users ...) the executable is the CLI; without one it is the web server.
if (PortalCli.FindCommand(args) >= 0)
{
    return await PortalCli.RunAsync(PortalCommands.Create, args, Console.In, Console.Out, Console.Error);
}

try
{
    var app = PortalWebApp.Build(args);
    PortalWebApp.CheckConfiguration(app);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (ConfigurationErrors.Describe(e) is { } mistake)
{
    // One line that names the key, not the host's stack trace.
    await Console.Error.WriteLineAsync($"error: {mistake}");
    return 1;
}

public partial class Program;
