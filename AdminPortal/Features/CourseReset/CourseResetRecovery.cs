using AdminPortal.Data;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Hosting.Processes;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

/// <summary>
/// A reset left in progress by a process that is gone died before its commit (its deletions and its "complete" share
/// one transaction), so it is marked failed with the learner's data untouched. A reset in progress in a live process is
/// left alone. Resets left enqueued run once the scheduler does (<c>AddPortalJobRunAtStartWhen</c>).
/// </summary>
public sealed class CourseResetRecovery(ILogger<CourseResetRecovery> logger) : IOrphanedWorkRecovery
{
    public const string Interrupted = "interrupted: the process carrying it out stopped before the reset committed; nothing was deleted";

    public async Task RecoverAsync(PortalDbContext db, OwnerLiveness owners, CancellationToken cancellationToken)
    {
        // One conditional update, the owner's liveness checked in it: a reset whose process just finished keeps its outcome.
        var stuck = db.CourseResetAudits.Where(a => a.Status == CourseResetStatus.InProgress && a.OwnerId != owners.Me
            && !db.PortalProcesses.Any(p => p.Id == a.OwnerId && p.HeartbeatUtc >= owners.AliveSince));
        var ids = await stuck.Select(a => a.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return;
        }
        var failed = await stuck.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.Status, CourseResetStatus.Failed).SetProperty(a => a.Error, Interrupted)
            .SetProperty(a => a.ModifiedUtc, owners.NowUtc).SetProperty(a => a.OwnerId, (Guid?)null), cancellationToken);
        logger.LogWarning("{Count} reset(s) were interrupted when their process stopped ({Ids}): marked failed, nothing was deleted", failed, string.Join(", ", ids));
    }
}
