using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Integration;
using AdminPortal.Domain.Jobs;
using AdminPortal.Domain.Learning;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Metrics;
using AdminPortal.Domain.Processes;
using AdminPortal.Domain.Schedules;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Domain.Sync;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

/// <summary>
/// The portal's model, and its SQLite form (whose migrations are in Data/Migrations). A server database uses a subclass of
/// its own, <see cref="PostgreSql.PostgreSqlPortalDbContext"/> or <see cref="SqlServer.SqlServerPortalDbContext"/>, so that each
/// provider has its own migrations from the same model.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The protection keys, on a server database (SQLite keeps them in files: Hosting/DataProtection...).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseMode> CourseModes => Set<CourseMode>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Learner> Learners => Set<Learner>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<BlockState> BlockStates => Set<BlockState>();
    public DbSet<CourseGrade> CourseGrades => Set<CourseGrade>();
    public DbSet<BlockCompletion> BlockCompletions => Set<BlockCompletion>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<CourseAssignment> CourseAssignments => Set<CourseAssignment>();
    public DbSet<ConfigVersion> ConfigVersions => Set<ConfigVersion>();
    public DbSet<Schedule> Schedules => Set<Schedule>();
    public DbSet<ScheduleSkip> ScheduleSkips => Set<ScheduleSkip>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MessageEvent> MessageEvents => Set<MessageEvent>();
    public DbSet<MessageRun> MessageRuns => Set<MessageRun>();
    public DbSet<CourseResetOptIn> CourseResetOptIns => Set<CourseResetOptIn>();
    public DbSet<CourseResetAudit> CourseResetAudits => Set<CourseResetAudit>();
    public DbSet<SurveyReport> SurveyReports => Set<SurveyReport>();
    public DbSet<SurveySendAttempt> SurveySendAttempts => Set<SurveySendAttempt>();
    public DbSet<SurveyBannerDismissal> SurveyBannerDismissals => Set<SurveyBannerDismissal>();
    public DbSet<SurveyInstallation> SurveyInstallations => Set<SurveyInstallation>();
    public DbSet<CatalogSyncSettings> CatalogSyncSettings => Set<CatalogSyncSettings>();
    public DbSet<CourseDailyMetric> CourseDailyMetrics => Set<CourseDailyMetric>();
    public DbSet<SiteDailyMetric> SiteDailyMetrics => Set<SiteDailyMetric>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<JobRunLogLine> JobRunLogLines => Set<JobRunLogLine>();

    public DbSet<PortalProcess> PortalProcesses => Set<PortalProcess>();

    public DbSet<PortalSession> PortalSessions => Set<PortalSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
