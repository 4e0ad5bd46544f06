using AdminPortal.Data;
using AdminPortal.Domain.SurveyReports;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.SurveyReports;

/// <summary>Counts a processing report and fixes its payload; a failure leaves the report in error with the reason.</summary>
public sealed class SurveyReportGenerator(
    IDbContextFactory<PortalDbContext> contexts,
    SurveyCountQueries queries,
    SurveyPayloads payloads,
    SurveyBannerCache banner,
    SurveyLeases leases,
    TimeProvider clock,
    ILogger<SurveyReportGenerator> logger)
{
    /// <returns>The report as it ended, or null when it was not processing or another process holds it.</returns>
    public async Task<SurveyReport?> GenerateAsync(long reportId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await leases.ClaimAsync(db, db.SurveyReports.Where(r => r.Id == reportId && r.State == SurveyReportState.Processing), cancellationToken))
        {
            return null;
        }
        var report = await db.SurveyReports.SingleAsync(r => r.Id == reportId, cancellationToken);
        try
        {
            var counts = await queries.CountAsync(report.CreatedUtc, async (name, index) =>
            {
                report.Report($"counting {name}, {index} of {SurveyCountQueries.Statements.Count}", clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
            report.Generate(counts, await payloads.BuildAsync(report.CreatedUtc, counts, cancellationToken), clock.GetUtcNow().UtcDateTime);
            logger.LogInformation("Survey report {ReportId} generated: {Counts}", reportId, counts);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Survey report {ReportId} could not be generated", reportId);
            db.ChangeTracker.Clear();
            report = await db.SurveyReports.SingleAsync(r => r.Id == reportId, CancellationToken.None);
            if (report.State == SurveyReportState.Processing)
            {
                report.Fail(e.Message, clock.GetUtcNow().UtcDateTime);
            }
        }
        await db.SaveChangesAsync(CancellationToken.None);
        banner.ReportsChanged();
        return report;
    }
}
