using AdminPortal.Data;
using AdminPortal.Domain.CourseReset;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

/// <summary>
/// At the web server's start nothing stays stuck: a reset left in progress died before its commit (its deletions and
/// its "complete" share one transaction), so it is marked failed with the learner's data untouched. Resets left enqueued
/// run once the scheduler does (<c>AddPortalJobRunAtStartWhen</c>).
/// </summary>
public sealed class CourseResetRecovery(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, ILogger<CourseResetRecovery> logger) : IHostedService
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
