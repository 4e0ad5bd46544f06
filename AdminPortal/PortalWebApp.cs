using AdminPortal.Components;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.CourseReset;
using AdminPortal.Features.Courses;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Metrics;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Features.Sync;
using AdminPortal.Features.SystemStatus;
using AdminPortal.Hosting;

namespace AdminPortal;

/// <summary>The web server: the portal's features, its pages, and the request pipeline in the order it applies.</summary>
public static class PortalWebApp
{
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = PortalHostBuilder.Create(args, settings);
        builder.AddPortalLogging();
        builder.AddPortalFeatures();
        builder.AddPortalUi();
        builder.AddPortalSecurityHeaders();

        var app = builder.Build();
        app.UsePortalSecurityHeaders();
        app.UsePortalRequestLogging();
        app.UsePortalUi();
        app.UseDatabaseOutageResponses();
        app.UseSurveyReportsSwitch();
        app.UseFirstRunSetup();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapPortalHealth();
        app.MapPortalAccounts();
        app.MapPortalEnrollments();
        app.MapPortalCourses();
        app.MapPortalMessaging();
        app.MapPortalCourseReset();
        app.MapPortalSync();
        app.MapPortalMetrics();
        app.MapPortalUi();
        return app;
    }

    /// <summary>
    /// What the start would find wrong in the settings (options checked at start, the database's connection string, the
    /// jobs' schedules), found before the host starts so that a mistake is one line, not a failed start's log.
    /// </summary>
    public static void CheckConfiguration(WebApplication app)
    {
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        _ = app.Services.GetRequiredService<Data.PortalDatabase>();
        _ = app.Services.GetRequiredService<Jobs.JobCatalog>();
    }
}
