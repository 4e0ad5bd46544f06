using AdminPortal.Data;
using AdminPortal.Email;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.ApiKeys;
using AdminPortal.Features.CourseReset;
using AdminPortal.Features.Courses;
using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Enrollments;
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
using AdminPortal.Hosting;
using AdminPortal.Hosting.Processes;
using AdminPortal.Jobs;

namespace AdminPortal;

/// <summary>The portal's parts, in the order their start-up steps run; the web server and the CLI both add them.</summary>
public static class PortalFeatures
{
    public static WebApplicationBuilder AddPortalFeatures(this WebApplicationBuilder builder)
    {
        builder.AddPortalData();
        builder.AddPortalProcesses();
        builder.AddPortalDataProtection();
        builder.AddPortalValidation();
        builder.AddPortalEmail();
        builder.AddPortalAccounts();
        builder.AddPortalApiKeys();
        builder.AddPortalHealth();
        builder.AddPortalSites();
        builder.AddPortalSchedules();
        builder.AddPortalMessaging();
        builder.AddPortalCourseReset();
        builder.AddPortalSurveyReports();
        builder.AddPortalSync();
        builder.AddPortalMetrics();
        builder.AddPortalCourses();
        builder.AddPortalLearners();
        builder.AddPortalEnrollments();
        builder.AddPortalImport();
        builder.AddPortalDemoData();
        builder.AddPortalJobs();
        builder.AddPortalJobsPages();
        builder.AddDatabaseMaintenance();
        return builder;
    }
}
