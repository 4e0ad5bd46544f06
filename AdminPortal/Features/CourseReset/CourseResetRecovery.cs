using AdminPortal.Data;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

/// <summary>
/// At the web server's start nothing stays stuck: a reset left in progress died before its commit (its deletions and
/// its "complete" share one transaction), so it is marked failed with the learner's data untouched; resets left
/// enqueued are handed to the job again once the scheduler runs.
/// </summary>
public sealed class CourseResetRecovery(
    IDbContextFactory<PortalDbContext> contexts, JobTriggers triggers, TimeProvider clock, ILogger<CourseResetRecovery> logger) : IHostedLifecycleService
{
    public const string Interrupted = "interrupted: the portal stopped before the reset committed; nothing was deleted";

    /// <summary>Before the scheduler starts (it is registered after this), so no run of the job is under way yet.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // One conditional update: a `jobs run course-reset` finishing at this moment keeps its outcome.
        var stuck = db.CourseResetAudits.Where(a => a.Status == CourseResetStatus.InProgress);
        var ids = await stuck.Select(a => a.Id).ToListAsync(cancellationToken);
        var failed = await stuck.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.Status, CourseResetStatus.Failed).SetProperty(a => a.Error, Interrupted).SetProperty(a => a.ModifiedUtc, now), cancellationToken);
        if (failed > 0)
        {
            logger.LogWarning("{Count} reset(s) were interrupted by the last stop ({Ids}): marked failed, nothing was deleted", failed, string.Join(", ", ids));
        }
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var waiting = await db.CourseResetAudits.CountAsync(a => a.Status == CourseResetStatus.Enqueued, cancellationToken);
        if (waiting > 0)
        {
            logger.LogInformation("{Count} reset(s) were still enqueued at start; starting the course reset job", waiting);
            await triggers.RunNowAsync(CourseResetJob.Name, "the portal's start", cancellationToken);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
