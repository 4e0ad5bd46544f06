using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

// MudDataGrid puts its aria-label on the grid's wrapper, so grids are found by label rather than by role and name. What each
// role sees, the schedules in words and the live refresh are component tests (Features/Jobs); this is the journey.

[Collection(EndToEndCollection.Name)]
public sealed class JobsPageTests(PortalBrowserFixture portal)
{
    private static async Task<IPage> OpenJobsAsync(IPage page, (string Email, string Password, string Role) account)
    {
        await page.SignInAsync(account.Email, account.Password, "/admin/jobs");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Jobs", Exact = true }).WaitForAsync();
        await page.GetByLabel("Jobs", new() { Exact = true }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "database-maintenance" }).WaitForAsync();
        return page;
    }

    [Fact]
    public async Task ASuperuserRunsMaintenanceNowAndSeesItsRunAndLogWithoutReloading()
    {
        var page = await OpenJobsAsync(await portal.NewPageAsync(), DemoAccounts.Superuser);
        var recentRuns = page.GetByLabel("Recent runs");
        var mine = recentRuns.GetByRole(AriaRole.Row).Filter(new() { HasText = DemoAccounts.Superuser.Email });
        var runsBefore = await mine.CountAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Run now: database-maintenance" }).ClickAsync();

        await page.GetByText("database-maintenance starts in a moment").WaitForAsync(); // the snackbar
        var newRun = mine.Filter(new() { HasText = "Succeeded" }).First;
        await newRun.WaitForAsync();
        Assert.Equal(runsBefore + 1, await mine.CountAsync());
        Assert.Contains("database-maintenance", await newRun.TextContentAsync());

        await newRun.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "of database-maintenance" }).WaitForAsync();
        var log = page.GetByLabel("Log lines");
        await log.GetByText("PRAGMA optimize done.").WaitForAsync();
        Assert.Contains("Pruned 0 job run(s)", await log.TextContentAsync());
        Assert.Contains(DemoAccounts.Superuser.Email, await page.Locator("dl.portal-facts").First.TextContentAsync());
        Assert.Contains("pruned-runs", await page.GetByLabel("Counts").TextContentAsync());
    }
}
