using AdminPortal;
using AdminPortal.Cli;

// With a command (migrate, users ...) the executable is the CLI; without one it is the web server.
if (PortalCli.FindCommand(args) >= 0)
{
    return await PortalCli.RunAsync(args, Console.In, Console.Out, Console.Error);
}

await PortalWebApp.Build(args).RunAsync();
return 0;

public partial class Program;
