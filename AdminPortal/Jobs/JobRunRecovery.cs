using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using AdminPortal.Hosting.Processes;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Jobs;

/// <summary>A job run still marked running whose process is gone will never finish: it is marked interrupted.</summary>
internal sealed class JobRunRecovery(ILogger<JobRunRecovery> logger) : IOrphanedWorkRecovery
{
    public async Task RecoverAsync(PortalDbContext db, OwnerLiveness owners, CancellationToken cancellationToken)
    {
        var orphaned = db.JobRuns.Where(r => r.Status == JobRunStatus.Running && r.OwnerId != owners.Me
            && !db.PortalProcesses.Any(p => p.Id == r.OwnerId && p.HeartbeatUtc >= owners.AliveSince));
        var runs = await orphaned.Select(r => new { r.Id, r.JobName, r.StartedAtUtc }).ToListAsync(cancellationToken);
        if (runs.Count == 0)
        {
            return;
        }
        // The conditions again in the update, one statement: a run that ended meanwhile keeps its outcome.
        var ids = runs.Select(r => r.Id).ToList();
        await orphaned.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, JobRunStatus.Failed).SetProperty(r => r.FinishedAtUtc, owners.NowUtc)
            .SetProperty(r => r.Error, JobRun.InterruptedError), cancellationToken);
        foreach (var run in runs)
        {
            logger.LogWarning("Job {Job} run {RunId}, started {Started:u}, was left running by a process that is gone: marked interrupted",
                run.JobName, run.Id, run.StartedAtUtc);
        }
    }
}
