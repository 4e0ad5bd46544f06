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
        var orphaned = await db.JobRuns.Where(r => r.Status == JobRunStatus.Running && r.OwnerId != owners.Me
            && !db.PortalProcesses.Any(p => p.Id == r.OwnerId && p.HeartbeatUtc >= owners.AliveSince)).ToListAsync(cancellationToken);
        foreach (var run in orphaned)
        {
            run.MarkInterrupted(owners.NowUtc);
            logger.LogWarning("Job {Job} run {RunId}, started {Started:u}, was left running by a process that is gone: marked interrupted",
                run.JobName, run.Id, run.StartedAtUtc);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
