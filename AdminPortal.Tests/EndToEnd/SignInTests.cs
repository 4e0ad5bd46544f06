using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(AccessEndToEndCollection.Name)]
public sealed class SignInTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task AWrongPasswordShowsAnErrorAndStaysOnTheLoginPage()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");

        await page.SubmitLoginAsync(DemoAccounts.Staff.Email, "Not#thePassword1");

        Assert.StartsWith("Wrong email or password.", await page.GetByRole(AriaRole.Alert).TextContentAsync());
        Assert.Contains("/account/login", page.Url);
    }

    [Fact]
    public async Task FiveFailuresLockTheAccount()
    {
        var (email, password) = await portal.CreateAccountAsync("Staff");
        var page = await portal.NewPageAsync();

        await page.FailSignInAsync(email, times: 5);
        await page.SubmitLoginAsync(email, password);

        Assert.Contains("After 5 failed sign-ins an account is locked for 15 minutes", await page.GetByRole(AriaRole.Alert).TextContentAsync());
        Assert.Contains("/account/login", page.Url);
        var admin = await portal.NewPageAsync();
        await admin.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, $"/admin/accounts?q={Uri.EscapeDataString(email)}");
        Assert.Contains("Locked until", await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).TextContentAsync());
    }

    [Fact]
    public async Task StaffOpeningASuperuserPageIsToldItIsRefused()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Staff.Email, DemoAccounts.Staff.Password);

        await page.OpenAsync("/admin/accounts");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" }).WaitForAsync();
        Assert.Contains("Your account (Staff) may not open Accounts: it needs the Superuser role.",
            await page.GetByRole(AriaRole.Alert).TextContentAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "New account" }).CountAsync());
    }

    [Fact]
    public async Task LoggingOutEndsTheSession()
    {
        var (email, password) = await portal.CreateAccountAsync("Support");
        var page = await portal.NewPageAsync();
        await page.SignInAsync(email, password);

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }).WaitForAsync();
        await page.GotoAsync("/");

        Assert.Contains("/account/login", page.Url);
    }
}
