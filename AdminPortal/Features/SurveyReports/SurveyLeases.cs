using AdminPortal.Domain.SurveyReports;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.SurveyReports;

/// <summary>Claims a report for this process, in one UPDATE, unless another holds it: the server's job and a command never work on one report at once.</summary>
internal static class SurveyLeases
{
    public static async Task<bool> ClaimAsync(IQueryable<SurveyReport> report, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + SurveyRules.Lease;
        return await report.Where(r => r.LeaseUntilUtc == null || r.LeaseUntilUtc < now)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntilUtc, until), cancellationToken) == 1;
    }
}
