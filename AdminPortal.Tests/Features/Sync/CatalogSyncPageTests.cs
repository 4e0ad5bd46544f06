using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.Sync;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Tests.Features.Sync;

public sealed class CatalogSyncPageTests
{
    private static IRenderedComponent<PageHost> Open(PageContext context)
    {
        var page = context.Render<CatalogSyncPage>();
        page.WaitForElement("#CatalogBaseUrl");
        return page;
    }

    [Fact]
    public async Task StaffReadsTheSettingsButCannotChangeThemAndNeverSavedSaysNever()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);

        var page = Open(context);

        Assert.All(page.FindAll("input"), input => Assert.True(input.HasAttribute("disabled"), input.OuterHtml));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Save" or "Sync now");
        Assert.Contains("Last changed never.", page.Markup);
        Assert.Contains("No sync yet.", page.Find("[aria-label='Recent syncs']").TextContent);
    }

    [Fact]
    public async Task ASuperusersWrongPageSizeShowsUnderTheFieldAndSavesNothing()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);
        var page = Open(context);

        await page.Find("#CatalogPageSize").ChangeAsync(new ChangeEventArgs { Value = "5000" });
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("The page size is between 1 and 1000, not 5000.",
            page.Find(".mud-input-control:has(#CatalogPageSize) .mud-input-helper-text").TextContent));
        Assert.Equal(DateTime.MinValue, (await context.Get<CatalogSettingsService>().GetAsync(PortalServices.Admin)).ModifiedUtc);
        Assert.Contains("Last changed never.", page.Markup);
    }

    [Fact]
    public async Task ASuperuserSavesTheSettingsAndSeesWhoChangedThem()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);
        var page = Open(context);

        await page.Find("#CatalogBaseUrl").ChangeAsync(new ChangeEventArgs { Value = "https://catalog.example.org/api/v1" });
        await page.Find("input[type=checkbox]").ChangeAsync(new ChangeEventArgs { Value = true });
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Saved.", page.Markup));
        Assert.Contains($"by {context.Email}.", page.Markup);
        var saved = await context.Get<CatalogSettingsService>().GetAsync(PortalServices.Admin);
        Assert.Equal(("https://catalog.example.org/api/v1", true), (saved.BaseUrl, saved.Enabled));
        Assert.False(page.FindAll("button").Single(b => b.TextContent.Trim() == "Sync now").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ARunningSyncShowsItsCountsWhenItEnds()
    {
        await using var catalog = await CatalogServer.StartAsync();
        var release = new TaskCompletionSource();
        catalog.Pages.Add([CatalogServer.Run("course-v1:Nowhere+X+1")]);
        catalog.Fault = async (_, _) => { await release.Task; return null; };
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        await context.Get<CatalogSettingsService>().SaveAsync(new CatalogSettingsRequest(catalog.BaseUrl, 10, true, null, false), PortalServices.Admin);
        var running = context.Get<JobRunner>().RunAsync(context.Get<JobCatalog>().Find(CatalogSyncJob.Name)!, JobStart.Cli, CancellationToken.None);
        IRenderedComponent<PageHost> page;
        try
        {
            page = Open(context);
            page.WaitForAssertion(() => Assert.Contains("running", page.Find("[aria-label='Recent syncs'] tbody tr").TextContent));
        }
        finally
        {
            release.TrySetResult();
        }
        var run = await running;

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        page.WaitForAssertion(() => Assert.Equal("succeeded", page.Find($"[aria-label='Status of sync {run.Id}']").TextContent));
        Assert.Equal(["1", "1", "0", "1", "0"], page.FindAll("[aria-label='Recent syncs'] tbody tr td").Skip(2).Take(5).Select(td => td.TextContent.Trim()));
    }
}
