using AdminPortal.Data;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.Sync;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using static AdminPortal.Tests.Support.CatalogServer;

namespace AdminPortal.Tests.Features.Sync;

/// <summary>The database work of a sync grows with its pages, not with the course runs on them.</summary>
[RunsOnPostgreSql]
public sealed class CatalogSyncQueryCountTests
{
    private static async Task<int> StatementsForPagesOfAsync(int runsPerPage)
    {
        var sql = new SqlCounter();
        await using var catalog = await CatalogServer.StartAsync();
        await using var portal = await PortalServices.StartAsync(sql.AddTo);
        await using (var db = await portal.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            for (var i = 0; i < runsPerPage * 2; i++)
            {
                db.Courses.Add(new Course(CourseKey.Parse($"course-v1:Bench+C{i}+2026"), $"Course {i}", DateTime.UtcNow));
            }
            await db.SaveChangesAsync();
        }
        catalog.Pages.AddRange(Enumerable.Range(0, 2).Select(page =>
            Enumerable.Range(0, runsPerPage).Select(i => Run($"course-v1:Bench+C{page * runsPerPage + i}+2026", $"https://www.example.org/c{i}", "fr", true)).ToList()));
        await portal.Get<CatalogSettingsService>().SaveAsync(new CatalogSettingsRequest(catalog.BaseUrl, runsPerPage, true, null, false), PortalServices.Admin);
        sql.Reset();
        var run = await portal.Get<JobRunner>().RunAsync(portal.Get<JobCatalog>().Find(CatalogSyncJob.Name)!, JobStart.Cli, CancellationToken.None);
        Assert.Equal(runsPerPage * 2, run.Counts["updated"]);
        return sql.Count;
    }

    [Fact]
    public async Task TenTimesTheRunsPerPageCostTheSameStatements() =>
        Assert.Equal(await StatementsForPagesOfAsync(3), await StatementsForPagesOfAsync(30));
}
