using AdminPortal.Data;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.SurveyReports;

/// <summary>One process at a time works on a report; one left by a crashed process is taken again once its claim runs out.</summary>
public sealed class SurveyReportClaimTests
{
    private static async Task<long> ProcessingReportAsync(PortalServices portal, DateTime? leaseUntilUtc)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var report = new SurveyReport("test", sendWhenGenerated: false, DateTime.UtcNow);
        db.SurveyReports.Add(report);
        await db.SaveChangesAsync();
        await db.SurveyReports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntilUtc, leaseUntilUtc));
        return report.Id;
    }

    [Fact]
    public async Task TwoProcessesAtOnceGenerateAReportOnce()
    {
        await using var portal = await PortalServices.StartAsync();
        var id = await ProcessingReportAsync(portal, null);
        var generator = portal.Get<SurveyReportGenerator>();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => generator.GenerateAsync(id, CancellationToken.None))));

        Assert.Single(results, r => r is not null);
        Assert.Equal(SurveyReportState.Generated, results.Single(r => r is not null)!.State);
    }

    [Fact]
    public async Task AReportHeldByAnotherProcessIsLeftAloneUntilItsClaimRunsOut()
    {
        await using var portal = await PortalServices.StartAsync();
        var held = await ProcessingReportAsync(portal, DateTime.UtcNow.AddMinutes(10));
        var abandoned = await ProcessingReportAsync(portal, DateTime.UtcNow.AddMinutes(-1));

        var done = await portal.Get<SurveyReportWork>().ProcessAsync(_ => { }, CancellationToken.None);

        Assert.Equal(1, done.Generated);
        var reports = await portal.Get<SurveyReportService>().ListAsync(PortalServices.Admin);
        Assert.Equal(SurveyReportState.Processing, reports.Single(r => r.Id == held).State);
        Assert.Equal((SurveyReportState.Generated, null), reports.Single(r => r.Id == abandoned) is var a ? (a.State, a.LeaseUntilUtc) : default);
    }
}
