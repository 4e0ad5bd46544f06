using AdminPortal.Hosting;

namespace AdminPortal.Cli;

/// <summary>The services a command needs, configured exactly as the web server's, without the server.</summary>
internal static class CliHost
{
    public static WebApplication Build(
        string[] hostArgs, IEnumerable<KeyValuePair<string, string?>>? settings, Action<IServiceCollection>? configureServices = null)
    {
        var builder = PortalHostBuilder.Create(hostArgs, settings);
        builder.AddPortalLogging(forCommandLine: true);
        builder.AddPortalFeatures();
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Prepares the database as the web server does on start (migrations, roles, demo accounts where configured), never demo data.</summary>
    public static async Task<WebApplication> StartAsync(
        string[] hostArgs, IEnumerable<KeyValuePair<string, string?>>? settings, CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null)
    {
        var app = Build(hostArgs, settings, configureServices);
        // Settings the server checks at its start (ValidateOnStart) are checked here too, so a mistake names its key.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        foreach (var step in app.Services.GetServices<IStartupStep>().InOrder().Where(s => s.RunsBeforeCommands))
        {
            await step.RunAsync(cancellationToken);
        }
        return app;
    }
}
