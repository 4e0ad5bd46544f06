using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using AdminPortal.Hosting.Processes;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// A run still marked running whose process is gone died with it: it is marked failed, so no run looks busy forever.
/// What it queued stays queued, and the message-delivery job sends it. A run whose process lives (a command sending at
/// this moment) is left alone.
/// </summary>
public sealed class MessageRunRecovery(ILogger<MessageRunRecovery> logger) : IOrphanedWorkRecovery
{
    public const string Interrupted = "interrupted: the process running it stopped; the message-delivery job sends what it queued";

    public async Task RecoverAsync(PortalDbContext db, OwnerLiveness owners, CancellationToken cancellationToken)
    {
        var orphaned = db.MessageRuns.Where(r => r.Status == MessageRunStatus.Running && r.OwnerId != owners.Me
            && !db.PortalProcesses.Any(p => p.Id == r.OwnerId && p.HeartbeatUtc >= owners.AliveSince));
        var runs = await orphaned.Select(r => new { r.Id, r.Kind, r.SiteDomain, r.RunDate }).ToListAsync(cancellationToken);
        if (runs.Count == 0)
        {
            return;
        }
        // The conditions again in the update, one statement: a run that ended meanwhile keeps its outcome.
        var ids = runs.Select(r => r.Id).ToList();
        await orphaned.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, MessageRunStatus.Failed).SetProperty(r => r.Note, Interrupted)
            .SetProperty(r => r.FinishedUtc, owners.NowUtc), cancellationToken);
        foreach (var run in runs)
        {
            logger.LogWarning("Message run {RunId} ({Kind} for {Site} on {RunDate}) was left running by a process that is gone; marked failed",
                run.Id, run.Kind, run.SiteDomain, run.RunDate);
        }
    }
}
