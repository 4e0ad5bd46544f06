using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class SurveyReportPagesTests(PortalBrowserFixture portal)
{
    private const string Banner = "Share a usage report with the community";

    private async Task<IPage> SignInAsync((string Email, string Password) account, string path = "/")
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(account.Email, account.Password, path);
        return page;
    }

    /// <summary>No banner, once the banner has decided (before that, its absence proves nothing).</summary>
    private static async Task AssertNoBannerAsync(IPage page)
    {
        await page.Locator("[data-survey-banner='hidden']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(0, await page.GetByRole(AriaRole.Region, new() { Name = Banner }).CountAsync());
    }

    // One test, in order: the banner shows only while no report exists, and the last step makes one.
    [Fact]
    public async Task ADismissedBannerStaysGoneInANewBrowserAndSendReportMakesASentReport()
    {
        var first = await portal.CreateAccountAsync("Superuser");
        var page = await SignInAsync(first, "/courses");
        var banner = page.GetByRole(AriaRole.Region, new() { Name = Banner });
        await Assertions.Expect(banner).ToContainTextAsync("Counts only: no name, email or course.");
        await banner.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0);

        await AssertNoBannerAsync(await SignInAsync(first, "/courses"));
        await AssertNoBannerAsync(await SignInAsync((DemoAccounts.Staff.Email, DemoAccounts.Staff.Password), "/courses"));

        var second = await SignInAsync(await portal.CreateAccountAsync("Superuser"));
        var secondBanner = second.GetByRole(AriaRole.Region, new() { Name = Banner });
        await secondBanner.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(secondBanner.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you!");
        await secondBanner.GetByRole(AriaRole.Link, new() { Name = "See the survey reports" }).ClickAsync();
        var table = second.GetByLabel("Survey reports", new() { Exact = true }).GetByRole(AriaRole.Table);
        await Assertions.Expect(table.GetByLabel("State of report", new() { Exact = false }).First).ToHaveTextAsync("Sent");

        await table.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(second.GetByLabel("Payload", new() { Exact = true })).ToContainTextAsync("\"learners_with_passing_grade\"");
        await Assertions.Expect(second.GetByLabel("Send attempts", new() { Exact = true })).ToContainTextAsync("200");
        await second.OpenAsync("/courses");
        await AssertNoBannerAsync(second);
    }
}
