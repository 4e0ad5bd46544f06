using AdminPortal.Domain.Accounts;
using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Features.Jobs;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Jobs;

/// <summary>The server enforces who may do what, whatever the page shows.</summary>
[RunsOnPostgreSql]
public sealed class JobsServiceTests
{
    private static PortalActor As(string role) => new("id", "someone", [role]);

    [Fact]
    public async Task StaffReadsTheJobsAndTheirRuns()
    {
        await using var portal = await PortalServices.StartAsync();
        var jobs = portal.Get<JobsService>();

        var all = await jobs.ListAsync(As(PortalRoles.Staff));
        var job = all.Single(j => j.Name == DatabaseMaintenanceJob.Name);

        Assert.Equal((DatabaseMaintenanceJob.Name, "0 30 3 * * ?", "UTC", false), (job.Name, job.Cron, job.TimeZone, job.IsPaused));
        Assert.Null(job.LastRun);
        Assert.Equal(["catalog-sync", "course-reset", "daily-metrics", "database-maintenance", "message-delivery", "send-course-update", "send-recurring-nudge", "send-upgrade-reminder", "survey-report"], all.Select(j => j.Name));
        Assert.Empty(await jobs.RecentRunsAsync(As(PortalRoles.Staff)));
    }

    [Fact]
    public async Task StaffMayNotPauseResumeOrRunAJob()
    {
        await using var portal = await PortalServices.StartAsync();
        var jobs = portal.Get<JobsService>();
        var staff = As(PortalRoles.Staff);

        await Assert.ThrowsAsync<PortalForbiddenException>(() => jobs.PauseAsync(DatabaseMaintenanceJob.Name, staff));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => jobs.ResumeAsync(DatabaseMaintenanceJob.Name, staff));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => jobs.RunNowAsync(DatabaseMaintenanceJob.Name, staff));
    }

    [Theory]
    [InlineData(PortalRoles.Support)]
    [InlineData(PortalRoles.CourseAuthor)]
    public async Task OtherRolesMayNotReadTheJobs(string role)
    {
        await using var portal = await PortalServices.StartAsync();
        var jobs = portal.Get<JobsService>();

        await Assert.ThrowsAsync<PortalForbiddenException>(() => jobs.ListAsync(As(role)));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => jobs.RecentRunsAsync(As(role)));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => jobs.GetRunAsync(1, As(role)));
    }

    [Fact]
    public async Task AnUnknownJobIsNamedInTheRefusal()
    {
        await using var portal = await PortalServices.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            portal.Get<JobsService>().PauseAsync("no-such-job", PortalActor.System("test")));

        Assert.Equal("There is no job named \"no-such-job\".", error.Message);
    }
}
