using AdminPortal.Features.Sync;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AdminPortal.Tests.Support.CatalogServer;

namespace AdminPortal.Tests.Features.Sync;

[RunsOnPostgreSql]
public sealed class SyncCatalogCommandTests
{
    [Fact]
    public async Task SyncCatalogSyncsHereAndPrintsTheCounts()
    {
        await using var catalog = await CatalogServer.StartAsync();
        catalog.Pages.Add([Run("course-v1:MITx+6.00x+2026_T1", "https://www.example.org/new"), Run("course-v1:Nope+X+1")]);
        using var directory = TestDirectory.CreateMigrated("cli-sync");
        await using (var portal = await AdminPortal.Cli.CliHost.StartAsync([], directory.Settings(), CancellationToken.None))
        {
            await TestCourses.ImportAsync(portal.Services);
            await portal.Services.GetRequiredService<CatalogSettingsService>().SaveAsync(new CatalogSettingsRequest(catalog.BaseUrl, 100, true, null, false), PortalServices.Admin);
        }

        var (exitCode, output, error) = await new CliRunner(directory).RunAsync("sync-catalog");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Matches(@"^catalog-sync succeeded in \d+\.\d s \(run 1\)\.\nfound: 2\nmatched: 1\nnot-found: 1\npages: 1\nupdated: 1$", output.ReplaceLineEndings("\n"));
    }
}
