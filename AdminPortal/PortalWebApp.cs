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

        var app = builder.Build();
        app.UsePortalUi();
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
}
