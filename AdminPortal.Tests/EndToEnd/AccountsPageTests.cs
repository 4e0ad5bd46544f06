using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

// The dialogs' validation, confirmations, locking and roles are component tests (Features/Accounts); here the browser
// creates an account and the new person signs in with it.
[Collection(AccessEndToEndCollection.Name)]
public sealed class AccountsPageTests(PortalBrowserFixture portal)
{
    private async Task<IPage> OpenAccountsAsync()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, "/admin/accounts");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Portal accounts" }).WaitForAsync();
        return page;
    }

    [Fact]
    public async Task ASuperuserCreatesAnAccountThatCanSignIn()
    {
        var page = await OpenAccountsAsync();
        var email = $"new-{Guid.NewGuid():N}@example.org";

        await page.GetByRole(AriaRole.Button, new() { Name = "New account" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New portal account" });
        await dialog.GetByLabel("Email").FillAsync(email);
        await dialog.GetByLabel("Name").FillAsync("Nora New");
        await dialog.GetByLabel("Support").CheckAsync();
        await dialog.GetByLabel("Initial password").FillAsync("Nora#first2026");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await page.GetByText($"Account {email} created.").WaitForAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        Assert.Contains("Support", await row.TextContentAsync());

        var newcomer = await portal.NewPageAsync();
        await newcomer.SignInAsync(email, "Nora#first2026");
        Assert.Equal("Nora New", await newcomer.GetByTestId("current-user-name").TextContentAsync());
    }
}
