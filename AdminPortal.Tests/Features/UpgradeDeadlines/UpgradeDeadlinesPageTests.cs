using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.UpgradeDeadlines;
using AdminPortal.Tests.Support;
using Bunit;

namespace AdminPortal.Tests.Features.UpgradeDeadlines;

public sealed class UpgradeDeadlinesPageTests
{
    [Fact]
    public async Task StaffReadsTheSettingsButCannotChangeThem()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);

        var page = context.Render<UpgradeDeadlinesPage>();

        page.WaitForAssertion(() => Assert.Contains("only a superuser can change them", page.Markup));
        Assert.True(page.Input("Global deadline days").HasAttribute("disabled"));
        Assert.True(page.Input("Enable the global deadline").HasAttribute("disabled"));
        Assert.False(page.HasButton("Save the global setting"));
    }

    [Fact]
    public async Task ASuperuserSavesTheGlobalDaysAndTheHistoryKeepsTheChange()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);
        var page = context.Render<UpgradeDeadlinesPage>();
        page.WaitForAssertion(() => page.Button("Save the global setting"));

        await page.Input("Global deadline days").FillAsync("30");
        await page.Button("Save the global setting").ClickAsync();

        var saved = await context.Get<UpgradeDeadlineService>().GlobalAsync(PortalServices.Admin);
        Assert.Equal(30, saved.Values.DeadlineDays);
        page.WaitForAssertion(() => Assert.Contains("→ 30", page.Find("[aria-label='History of the global setting']").TextContent));
    }

    [Theory]
    [InlineData("", "Enter an enrollment date (yyyy-MM-dd): the deadline depends on the day the learner enrolls.")]
    [InlineData("12/06/2026", "Enter an enrollment date (yyyy-MM-dd): the deadline depends on the day the learner enrolls.")]
    public async Task TheExplainerTakesAnIsoDateAndSaysSoOtherwise(string date, string message)
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        var page = context.Render<UpgradeDeadlinesPage>();
        page.WaitForAssertion(() => page.Input("Enrollment date"));

        await page.Input("Enrollment date").FillAsync(date);

        page.WaitForAssertion(() => Assert.Contains(message, page.Find("[role=alert]").TextContent));
    }

    [Fact]
    public async Task TheExplainerSaysWhichLevelDecidesACourse()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        await TestCourses.ImportAsync(context.Portal.Services);
        var key = (await context.Get<UpgradeDeadlineService>().CourseKeysAsync())[0];
        var page = context.Render<UpgradeDeadlinesPage>();
        page.WaitForAssertion(() => page.Input("Course key"));

        await page.Input("Course key").TypeAsync(key);
        await page.Input("Course key").BlurAsync(new());
        await page.Button("Explain").ClickAsync();

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("[data-testid=deadline-explanation]").TextContent));
        Assert.Contains(key, page.Find("dl.portal-facts").TextContent);

        await page.Input("Course key").TypeAsync("course-v1:No+Such+Course");
        await page.Input("Course key").BlurAsync(new());
        await page.Button("Explain").ClickAsync();
        page.WaitForAssertion(() => Assert.Contains("No course has the key course-v1:No+Such+Course.", page.Markup));
    }

    [Fact]
    public async Task ASuperuserOpensAnOrgOverrideAndOptsItOut()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);
        var page = context.Render<UpgradeDeadlinesPage>();
        page.WaitForAssertion(() => page.Input("Org to override"));

        await page.Input("Org to override").TypeAsync("MITx");
        await page.Input("Org to override").BlurAsync(new());
        await page.Button("Open or add the org override").ClickAsync();
        page.WaitForAssertion(() => page.Input("Opt this org out: no dynamic upgrade deadline"));
        await page.Input("Override the level above for this org").ChangeAsync(new() { Value = true });
        await page.Input("Opt this org out: no dynamic upgrade deadline").ChangeAsync(new() { Value = true });
        await page.Button("Save the override of MITx").ClickAsync();

        var saved = await context.Get<UpgradeDeadlineService>().OverrideAsync(DeadlineLevel.Org, "MITx", PortalServices.Admin);
        Assert.True(saved.Value!.Values is { Enabled: true, OptOut: true });
        page.WaitForAssertion(() => Assert.Contains("opted out", page.Find("[aria-label='Org overrides']").TextContent));
    }
}
