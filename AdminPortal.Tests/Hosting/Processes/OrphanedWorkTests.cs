using AdminPortal.Data;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Jobs;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Processes;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Features.CourseReset;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Hosting.Processes;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Hosting.Processes;

/// <summary>
/// Two portal processes on one database: a command that owns work, and a server that starts meanwhile. The server ends
/// only the work whose owner is gone (no row, a stale heartbeat, or none recorded), never a live command's.
/// </summary>
[RunsOnPostgreSql]
public sealed class OrphanedWorkTests : IAsyncLifetime
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("orphans");
    private PortalServices command = default!;
    private PortalServices server = default!;

    public async Task InitializeAsync()
    {
        command = await PortalServices.StartOnAsync(directory);
        server = await PortalServices.StartOnAsync(directory);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await command.DisposeAsync();
        directory.Dispose();
    }

    private Task SweepAsync() => server.Get<OrphanedWorkSweeper>().SweepAsync(CancellationToken.None);

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await server.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private async Task<(long MessageRun, long JobRun, long Reset)> WorkOwnedByAsync(Guid? owner)
    {
        await using var db = await server.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var site = new MessageSite(1, "learn.example.org", "Learn", [], new HashSet<string>());
        var messageRun = new MessageRun(site, MessageKind.RecurringNudge, new DateOnly(2026, 6, 1), Guid.NewGuid(), JobStarter.Cli, null, "send-recurring-nudge", false, null,
            DateTime.UtcNow, owner);
        var jobRun = JobRun.Start("course-reset", "jobs run", JobStarter.Cli, null, DateTime.UtcNow, owner);
        // An enrollment of its own each time: the database holds one live reset per learner and course.
        var enrollment = await db.Enrollments.OrderBy(e => e.Id).Skip(await db.CourseResetAudits.CountAsync()).FirstAsync();
        var reset = new CourseResetAudit(enrollment.LearnerId, enrollment.CourseId, enrollment.Id, "sam@example.org", "Retake", DateTime.UtcNow);
        reset.Start(DateTime.UtcNow, owner);
        db.AddRange(messageRun, jobRun, reset);
        await db.SaveChangesAsync();
        return (messageRun.Id, jobRun.Id, reset.Id);
    }

    private async Task<(MessageRunStatus, JobRunStatus, CourseResetStatus)> StatusOfAsync((long MessageRun, long JobRun, long Reset) work) =>
        await QueryAsync(async db => (
            await db.MessageRuns.Where(r => r.Id == work.MessageRun).Select(r => r.Status).SingleAsync(),
            await db.JobRuns.Where(r => r.Id == work.JobRun).Select(r => r.Status).SingleAsync(),
            await db.CourseResetAudits.Where(a => a.Id == work.Reset).Select(a => a.Status).SingleAsync()));

    [Fact]
    public async Task AServerStartingWhileACommandWorksLeavesTheCommandsRunsAlone()
    {
        await CourseResetWorld.SeedAsync(server.Services);
        var live = await WorkOwnedByAsync(await command.Get<ThisProcess>().OwnerIdAsync(CancellationToken.None));
        var unknownOwner = await WorkOwnedByAsync(Guid.NewGuid());
        var noOwner = await WorkOwnedByAsync(null);

        await SweepAsync();

        Assert.Equal((MessageRunStatus.Running, JobRunStatus.Running, CourseResetStatus.InProgress), await StatusOfAsync(live));
        Assert.Equal((MessageRunStatus.Failed, JobRunStatus.Failed, CourseResetStatus.Failed), await StatusOfAsync(unknownOwner));
        Assert.Equal((MessageRunStatus.Failed, JobRunStatus.Failed, CourseResetStatus.Failed), await StatusOfAsync(noOwner));
        var messageRun = await QueryAsync(db => db.MessageRuns.SingleAsync(r => r.Id == noOwner.MessageRun));
        Assert.Equal(MessageRunRecovery.Interrupted, messageRun.Note);
        Assert.Equal(JobRun.InterruptedError, await QueryAsync(db => db.JobRuns.Where(r => r.Id == noOwner.JobRun).Select(r => r.Error).SingleAsync()));
        Assert.Equal(CourseResetRecovery.Interrupted, await QueryAsync(db => db.CourseResetAudits.Where(a => a.Id == noOwner.Reset).Select(a => a.Error).SingleAsync()));
    }

    [Fact]
    public async Task ACommandWhoseHeartbeatStoppedIsTakenForGoneAndForgotten()
    {
        await CourseResetWorld.SeedAsync(server.Services);
        var owner = await command.Get<ThisProcess>().OwnerIdAsync(CancellationToken.None);
        var work = await WorkOwnedByAsync(owner);
        var justAlive = DateTime.UtcNow - PortalProcess.GoneAfter + TimeSpan.FromSeconds(20);
        await QueryAsync(db => db.PortalProcesses.Where(p => p.Id == owner).ExecuteUpdateAsync(u => u.SetProperty(p => p.HeartbeatUtc, justAlive)));

        await SweepAsync();
        var whileSlow = await StatusOfAsync(work);
        var silentTooLong = DateTime.UtcNow - PortalProcess.GoneAfter - TimeSpan.FromSeconds(1);
        await QueryAsync(db => db.PortalProcesses.Where(p => p.Id == owner).ExecuteUpdateAsync(u => u.SetProperty(p => p.HeartbeatUtc, silentTooLong)));
        await SweepAsync();

        Assert.Equal((MessageRunStatus.Running, JobRunStatus.Running, CourseResetStatus.InProgress), whileSlow);
        Assert.Equal((MessageRunStatus.Failed, JobRunStatus.Failed, CourseResetStatus.Failed), await StatusOfAsync(work));
        Assert.False(await QueryAsync(db => db.PortalProcesses.AnyAsync(p => p.Id == owner)));
        Assert.True(await QueryAsync(db => db.PortalProcesses.AnyAsync(p => p.Id == server.Get<ThisProcess>().Id)));
    }

    [Fact]
    public async Task ACommandThatStopsCleanlyRemovesItselfAndItsWorkIsTakenAtOnce()
    {
        var report = await QueryAsync(async db =>
        {
            var added = new SurveyReport("test", sendWhenGenerated: false, DateTime.UtcNow);
            db.SurveyReports.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        var leases = command.Get<SurveyLeases>();
        var claimedByCommand = await QueryAsync(db => leases.ClaimAsync(db, db.SurveyReports.Where(r => r.Id == report), CancellationToken.None));
        var serverLeases = server.Get<SurveyLeases>();
        var takenWhileCommandLives = await QueryAsync(db => serverLeases.ClaimAsync(db, db.SurveyReports.Where(r => r.Id == report), CancellationToken.None));

        await command.DisposeAsync();
        command = await PortalServices.StartOnAsync(directory);
        var takenOnceItIsGone = await QueryAsync(db => serverLeases.ClaimAsync(db, db.SurveyReports.Where(r => r.Id == report), CancellationToken.None));

        Assert.Equal((true, false, true), (claimedByCommand, takenWhileCommandLives, takenOnceItIsGone));
        var held = await QueryAsync(db => db.SurveyReports.SingleAsync(r => r.Id == report));
        Assert.Equal(server.Get<ThisProcess>().Id, held.LeaseOwnerId);
        Assert.True(held.LeaseUntilUtc > DateTime.UtcNow.AddMinutes(20)); // the claim had 30 minutes to run when it was taken over
    }
}
