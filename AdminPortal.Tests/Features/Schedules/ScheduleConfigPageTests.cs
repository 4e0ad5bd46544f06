using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Tests.Features.Schedules;

public sealed class ScheduleConfigPageTests
{
    private const string Ratio = "Hold-back ratio (hold_back_ratio)";

    private static async Task<(PageContext Context, int SiteId)> StartAsync(string role)
    {
        var context = await PageContext.StartAsync(role);
        await context.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, ["MITx"]), PortalServices.Admin);
        var site = (await context.Get<ScheduleConfigService>().ListAsync(PortalServices.Admin)).Single();
        return (context, site.SiteId);
    }

    private static async Task<ScheduleConfig> SavedAsync(PageContext context, int siteId) =>
        (await context.Get<ScheduleConfigService>().CurrentAsync(siteId, PortalServices.Admin)).Value!.Values;

    private static async Task SaveAsAnotherAsync(PageContext context, int siteId, double ratio)
    {
        var current = (await context.Get<ScheduleConfigService>().CurrentAsync(siteId, PortalServices.Admin)).Value!;
        var saved = await context.Get<ScheduleConfigService>().SaveAsync(siteId, current.Values with { HoldBackRatio = ratio }, current.Version, PortalServices.Admin);
        Assert.True(saved.Succeeded);
    }

    [Fact]
    public async Task StaffSeesTheSettingsReadOnly()
    {
        var (context, siteId) = await StartAsync(PortalRoles.Staff);
        await using var _ = context;
        await SaveAsAnotherAsync(context, siteId, 0.3);
        await SaveAsAnotherAsync(context, siteId, 0.4);

        var page = context.Render<ScheduleConfigPage>();

        page.WaitForAssertion(() => Assert.Contains("You can read these settings; only a superuser can change them.", page.Markup));
        page.WaitForAssertion(() => Assert.True(page.Input(Ratio).HasAttribute("disabled")));
        Assert.Equal("0.4", page.Input(Ratio).GetAttribute("value"));
        Assert.True(page.Input("Queue course updates").HasAttribute("disabled"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Save" or "Restore");
        Assert.Contains("hold_back_ratio", page.Find("[aria-label='History of learn.example.org']").TextContent);
    }

    [Fact]
    public async Task ASuperuserSavesSeesTheChangeInTheHistoryAndRestoresAfterConfirming()
    {
        var (context, siteId) = await StartAsync(PortalRoles.Superuser);
        await using var _ = context;
        await SaveAsAnotherAsync(context, siteId, 0.3);
        var page = context.Render<ScheduleConfigPage>();
        page.WaitForAssertion(() => Assert.Equal("0.3", page.Input(Ratio).GetAttribute("value")));

        await page.Input(Ratio).ChangeAsync(new ChangeEventArgs { Value = "0.35" });
        await page.Button("Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Saved as version 2.", page.Markup));
        Assert.Equal(0.35, (await SavedAsync(context, siteId)).HoldBackRatio);
        var history = page.Find("[aria-label='History of learn.example.org']");
        Assert.Contains("hold_back_ratio: 0.3 → 0.35", history.QuerySelector("tbody tr")!.TextContent);

        // The click's handler waits for the answer, so the click finishes only once the dialog is answered.
        var restore = page.Button("Restore version 1").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Version 1's values become the newest version", page.Find(".mud-dialog").TextContent));
        Assert.Contains("Restore version 1?", page.Find(".mud-dialog").TextContent);
        await page.Find(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Restore").ClickAsync(new());
        await restore;

        page.WaitForAssertion(() => Assert.Equal("0.3", page.Input(Ratio).GetAttribute("value")));
        Assert.Equal(0.3, (await SavedAsync(context, siteId)).HoldBackRatio);
        Assert.Contains("Saved as version 3.", page.Markup);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("")]
    public async Task ARatioOutsideZeroToOneOrBlankIsRefused(string ratio)
    {
        var (context, siteId) = await StartAsync(PortalRoles.Superuser);
        await using var _ = context;
        var before = await SavedAsync(context, siteId);
        var page = context.Render<ScheduleConfigPage>();
        page.WaitForAssertion(() => page.Input(Ratio));

        await page.Input(Ratio).ChangeAsync(new ChangeEventArgs { Value = ratio });
        await page.Button("Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Invalid hold back ratio, the value must be between 0 and 1.", page.Find(".mud-alert-text-error").TextContent));
        Assert.DoesNotContain("Saved as version", page.Markup);
        Assert.Equal(before, await SavedAsync(context, siteId));
    }

    [Fact]
    public async Task TheSecondOfTwoEditorsIsToldToReload()
    {
        var (context, siteId) = await StartAsync(PortalRoles.Superuser);
        await using var _ = context;
        var page = context.Render<ScheduleConfigPage>();
        page.WaitForAssertion(() => page.Input(Ratio));

        await SaveAsAnotherAsync(context, siteId, 0.45);
        await page.Input(Ratio).ChangeAsync(new ChangeEventArgs { Value = "0.5" });
        await page.Button("Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Matches("This setting was changed by .+ at .+ UTC; reload", page.Find(".mud-alert-text-error").TextContent));
        await page.Button("Reload").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("0.45", page.Input(Ratio).GetAttribute("value")));
        Assert.Equal(0.45, (await SavedAsync(context, siteId)).HoldBackRatio);
    }
}
