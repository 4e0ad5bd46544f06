using AdminPortal.Data;
using AdminPortal.Domain.Processes;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.SurveyReports;

/// <summary>One process at a time works on a report; one left by a crashed process is taken again once its claim runs out or its process is gone.</summary>
[RunsOnPostgreSql]
public sealed class SurveyReportClaimTests
{
    /// <param name="leaseUntilUtc">Claimed until then by another process, alive or dead.</param>
    private static async Task<long> ProcessingReportAsync(PortalServices portal, DateTime? leaseUntilUtc, bool ownerAlive = true)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var report = new SurveyReport("test", sendWhenGenerated: false, DateTime.UtcNow);
        var owner = new PortalProcess(Guid.NewGuid(), "elsewhere", 42, "AdminPortal survey-report", DateTime.UtcNow.AddHours(ownerAlive ? 0 : -1));
        db.AddRange(report, owner);
        await db.SaveChangesAsync();
        await db.SurveyReports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.LeaseUntilUtc, leaseUntilUtc).SetProperty(r => r.LeaseOwnerId, leaseUntilUtc == null ? null : owner.Id));
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
    public async Task AReportHeldByAnotherLiveProcessIsLeftAloneUntilItsClaimRunsOutOrItsProcessDies()
    {
        await using var portal = await PortalServices.StartAsync();
        var held = await ProcessingReportAsync(portal, DateTime.UtcNow.AddMinutes(10));
        var abandoned = await ProcessingReportAsync(portal, DateTime.UtcNow.AddMinutes(-1));
        var ownerDied = await ProcessingReportAsync(portal, DateTime.UtcNow.AddMinutes(10), ownerAlive: false);

        var done = await portal.Get<SurveyReportWork>().ProcessAsync(_ => { }, CancellationToken.None);

        Assert.Equal(2, done.Generated);
        Assert.Equal(SurveyReportState.Generated, (await portal.Get<SurveyReportService>().ListAsync(PortalServices.Admin)).Single(r => r.Id == ownerDied).State);
        var reports = await portal.Get<SurveyReportService>().ListAsync(PortalServices.Admin);
        Assert.Equal(SurveyReportState.Processing, reports.Single(r => r.Id == held).State);
        Assert.Equal((SurveyReportState.Generated, null), reports.Single(r => r.Id == abandoned) is var a ? (a.State, a.LeaseUntilUtc) : default);
    }
}
