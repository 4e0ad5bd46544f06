using AdminPortal.Data;
using AdminPortal.Features.Accounts;
using AdminPortal.Hosting;

namespace AdminPortal.Cli;

/// <summary>The services a command needs, configured exactly as the web server's, without the server.</summary>
internal static class CliHost
{
    public static WebApplication Build(IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        var builder = PortalHostBuilder.Create([], settings);
        builder.AddPortalLogging(forCommandLine: true);
        builder.AddPortalData();
        builder.AddPortalDataProtection();
        builder.AddPortalAccounts();
        return builder.Build();
    }

    /// <summary>Prepares the database as the web server does on start: migrations, roles, demo accounts where configured.</summary>
    public static async Task<WebApplication> StartAsync(IEnumerable<KeyValuePair<string, string?>>? settings, CancellationToken cancellationToken)
    {
        var app = Build(settings);
        foreach (var step in app.Services.GetServices<IStartupStep>())
        {
            await step.RunAsync(cancellationToken);
        }
        return app;
    }
}
