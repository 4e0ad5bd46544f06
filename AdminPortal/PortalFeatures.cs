using AdminPortal.Data;
using AdminPortal.Email;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.ApiKeys;
using AdminPortal.Features.Configuration;
using AdminPortal.Features.CourseReset;
using AdminPortal.Features.Courses;
using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Highlights;
using AdminPortal.Features.Import;
using AdminPortal.Features.Jobs;
using AdminPortal.Features.Learners;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Metrics;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Features.Sync;
using AdminPortal.Features.SystemStatus;
using AdminPortal.Features.UpgradeDeadlines;
using AdminPortal.Hosting;
using AdminPortal.Hosting.Processes;
using AdminPortal.Jobs;

namespace AdminPortal;

/// <summary>
/// The portal's parts, shared by the web server and the CLI: the shared infrastructure, then the features. Each registers
/// only its own types; their start-up steps run by stage (<see cref="StartupStage"/>), whatever the order here.
/// </summary>
public static class PortalFeatures
{
    public static WebApplicationBuilder AddPortalFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPortalData();
        builder.AddPortalProcesses();
        builder.AddPortalDataProtection();
        builder.AddPortalValidation();
        builder.AddPortalEmail();
        builder.AddPortalJobs();

        builder.AddPortalAccounts();
        builder.AddPortalApiKeys();
        builder.AddPortalHealth();
        builder.AddPortalSites();
        builder.AddPortalConfigStore();
        builder.AddPortalSchedules();
        builder.AddPortalUpgradeDeadlines();
        builder.AddPortalMessaging();
        builder.AddPortalHighlights();
        builder.AddPortalCourseReset();
        builder.AddPortalSurveyReports();
        builder.AddPortalSync();
        builder.AddPortalMetrics();
        builder.AddPortalCourses();
        builder.AddPortalLearners();
        builder.AddPortalEnrollments();
        builder.AddPortalImport();
        builder.AddPortalDemoData();
        builder.AddPortalJobsPages();
        builder.AddDatabaseMaintenance();
        return builder;
    }
}
