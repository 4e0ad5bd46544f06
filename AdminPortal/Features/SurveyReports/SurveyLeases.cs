using AdminPortal.Data;
using AdminPortal.Domain.Processes;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Hosting.Processes;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.SurveyReports;

/// <summary>
/// Claims a report for this process, in one UPDATE, unless another live process holds it: the server's job and a command
/// never work on one report at once, and a report held by a process that died is taken again at once, not when its
/// claim runs out.
/// </summary>
public sealed class SurveyLeases(ThisProcess process, TimeProvider clock)
{
    public async Task<bool> ClaimAsync(PortalDbContext db, IQueryable<SurveyReport> report, CancellationToken cancellationToken)
    {
        var owner = await process.OwnerIdAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (until, aliveSince) = (now + SurveyRules.Lease, PortalProcess.AliveSince(now));
        return await report.Where(r => r.LeaseUntilUtc == null || r.LeaseUntilUtc < now
                || (r.LeaseOwnerId != owner && !db.PortalProcesses.Any(p => p.Id == r.LeaseOwnerId && p.HeartbeatUtc >= aliveSince)))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntilUtc, until).SetProperty(r => r.LeaseOwnerId, owner), cancellationToken) == 1;
    }
}
