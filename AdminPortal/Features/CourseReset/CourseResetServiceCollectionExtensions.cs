using AdminPortal.Domain.CourseReset;
using AdminPortal.Hosting.Processes;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

public static class CourseResetServiceCollectionExtensions
{
    /// <summary>Opt-ins, the reset tab's service and live status, the support API's policy, the reset job and its recovery at start.</summary>
    public static WebApplicationBuilder AddPortalCourseReset(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CourseResetOptInService>();
        services.AddSingleton<CourseResetService>();
        services.AddSingleton<CourseResetHistory>();
        services.AddSingleton<CourseResetWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<CourseResetWatcher>());
        services.AddOrphanedWorkRecovery<CourseResetRecovery>();
        services.AddSupportApiPolicy();
        builder.AddPortalJob<CourseResetJob>(CourseResetJob.Name, "0 0 * * * ?",
            "Resets the courses support asked for: each reset starts it at once; this hourly run picks up any left waiting.");
        builder.AddPortalJobRunAtStartWhen(CourseResetJob.Name, (db, ct) => db.CourseResetAudits.AnyAsync(a => a.Status == CourseResetStatus.Enqueued, ct));
        return builder;
    }
}
