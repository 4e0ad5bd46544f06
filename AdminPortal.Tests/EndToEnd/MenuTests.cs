using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class MenuTests(PortalBrowserFixture portal)
{
    public static TheoryData<string, string, string, string[]> Roles() => new()
    {
        { DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, "Superuser", ["Dashboard", "Learning data", "Courses", "Learners", "Schedules", "Learner schedules", "Schedule settings", "Upgrade deadlines", "Messaging", "Message runs", "Messages", "Section highlights", "Course reset", "Reset a course", "Reset history", "Reset opt-ins", "Survey reports", "Reports", "Sync and metrics", "Catalog sync", "Daily metrics", "Administration", "Accounts", "Import", "API keys", "System status", "Jobs"] },
        { DemoAccounts.Staff.Email, DemoAccounts.Staff.Password, "Staff", ["Dashboard", "Learning data", "Courses", "Learners", "Schedules", "Learner schedules", "Schedule settings", "Upgrade deadlines", "Messaging", "Message runs", "Messages", "Sync and metrics", "Catalog sync", "Daily metrics", "Administration", "System status", "Jobs"] },
        { DemoAccounts.Support.Email, DemoAccounts.Support.Password, "Support", ["Dashboard", "Course reset", "Reset a course", "Reset history"] },
        { DemoAccounts.Author.Email, DemoAccounts.Author.Password, "Course author", ["Dashboard", "Messaging", "Section highlights"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachDemoRoleSeesExactlyItsMenuAndItsNameInTheHeader(string email, string password, string role, string[] menu)
    {
        var page = await portal.NewPageAsync();

        await page.SignInAsync(email, password);

        Assert.Equal(menu, await page.MenuEntriesAsync());
        Assert.Equal($"({role})", await page.GetByTestId("current-user-roles").TextContentAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).IsVisibleAsync());
    }

    [Fact]
    public async Task TheMenuLeadsToAPageWithoutReloading()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Staff.Email, DemoAccounts.Staff.Password);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "System status" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "System status" }).WaitForAsync();
        Assert.EndsWith("/admin/system", page.Url);
        await page.GetByRole(AriaRole.Gridcell, new() { Name = "database" }).WaitForAsync();
    }

    [Theory]
    [InlineData("/schedules/config", "Schedule settings")]
    [InlineData("/messaging/messages", "Messages")]
    [InlineData("/support/course-reset/history", "Reset history")]
    public async Task TheMenuHighlightsExactlyThePageShown(string path, string item)
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, path);
        var highlighted = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).Locator(".rz-navigation-item-link-active");

        await Assertions.Expect(highlighted).ToHaveCountAsync(1);
        await Assertions.Expect(highlighted).ToContainTextAsync(item);
    }
}
