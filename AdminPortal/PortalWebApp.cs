using AdminPortal.Components;
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

namespace AdminPortal;

/// <summary>The web server: the list of the portal's parts, in the order they apply.</summary>
public static class PortalWebApp
{
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = PortalHostBuilder.Create(args, settings);
        builder.AddPortalLogging();
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
        builder.AddPortalUi();

        var app = builder.Build();
        app.UsePortalUi();
        app.UseFirstRunSetup();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapPortalHealth();
        app.MapPortalAccounts();
        app.MapPortalEnrollments();
        app.MapPortalCourses();
        app.MapPortalUi();
        return app;
    }
}
