using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(AccessEndToEndCollection.Name)]
public sealed class MenuTests(PortalBrowserFixture portal)
{
    // What each role sees in the menu, and which item is lit, are component tests (NavMenuTests); here the real browser
    // signs in, reads the header and follows the menu.
    [Fact]
    public async Task ThePersonSignedInIsNamedInTheHeader()
    {
        var page = await portal.NewPageAsync();

        await page.SignInAsync(DemoAccounts.Support.Email, DemoAccounts.Support.Password);

        Assert.Equal(["Dashboard", "Course reset", "Reset a course", "Reset history"], await page.MenuEntriesAsync());
        Assert.Equal("(Support)", await page.GetByTestId("current-user-roles").TextContentAsync());
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
        await page.GetByRole(AriaRole.Cell, new() { Name = "database", Exact = true }).WaitForAsync();
    }
}
