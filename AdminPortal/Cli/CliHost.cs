using AdminPortal.Data;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.ApiKeys;
using AdminPortal.Features.Courses;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Import;
using AdminPortal.Features.Learners;
using AdminPortal.Features.Sites;
using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Features.SystemStatus;
using AdminPortal.Hosting;
using AdminPortal.Jobs;

namespace AdminPortal.Cli;

/// <summary>The services a command needs, configured exactly as the web server's, without the server.</summary>
internal static class CliHost
{
    public static WebApplication Build(
        string[] hostArgs, IEnumerable<KeyValuePair<string, string?>>? settings, Action<IServiceCollection>? configureServices = null)
    {
        var builder = PortalHostBuilder.Create(hostArgs, settings);
        builder.AddPortalLogging(forCommandLine: true);
        builder.AddPortalData();
        builder.AddPortalDataProtection();
        builder.AddPortalAccounts();
        builder.AddPortalApiKeys();
        builder.AddPortalHealth();
        builder.AddPortalSites();
        builder.AddPortalCourses();
        builder.AddPortalLearners();
        builder.AddPortalEnrollments();
        builder.AddPortalImport();
        builder.AddPortalDemoData();
        builder.AddPortalJobs();
        builder.AddDatabaseMaintenance();
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Prepares the database as the web server does on start: migrations, roles, demo accounts where configured.</summary>
    public static async Task<WebApplication> StartAsync(
        string[] hostArgs, IEnumerable<KeyValuePair<string, string?>>? settings, CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null)
    {
        var app = Build(hostArgs, settings, configureServices);
        foreach (var step in app.Services.GetServices<IStartupStep>())
        {
            await step.RunAsync(cancellationToken);
        }
        return app;
    }
}
