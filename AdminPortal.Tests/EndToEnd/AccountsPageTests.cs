using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
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

        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = $"Account {email} created." }).WaitForAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        Assert.Contains("Support", await row.TextContentAsync());

        var newcomer = await portal.NewPageAsync();
        await newcomer.SignInAsync(email, "Nora#first2026");
        Assert.Equal("Nora New", await newcomer.GetByTestId("current-user-name").TextContentAsync());
    }

    [Fact]
    public async Task TheFormNamesWhatIsMissingAndCreatesNothing()
    {
        var page = await OpenAccountsAsync();
        var rowsBefore = await page.GetByRole(AriaRole.Row).CountAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New account" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New portal account" });
        await dialog.GetByLabel("Email").FillAsync("not-an-email");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await dialog.GetByText("Enter a valid email address, such as name@example.org.").WaitForAsync();
        Assert.True(await dialog.GetByText("Choose at least one role.").IsVisibleAsync());
        Assert.True(await dialog.GetByText("Enter a password.").IsVisibleAsync());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        Assert.Equal(rowsBefore, await page.GetByRole(AriaRole.Row).CountAsync());
    }

    [Fact]
    public async Task AWeakPasswordIsExplainedByTheServer()
    {
        var page = await OpenAccountsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New account" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New portal account" });
        await dialog.GetByLabel("Email").FillAsync($"weak-{Guid.NewGuid():N}@example.org");
        await dialog.GetByLabel("Name").FillAsync("Weak");
        await dialog.GetByLabel("Staff").CheckAsync();
        await dialog.GetByLabel("Initial password").FillAsync("weak");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await dialog.GetByText("Passwords must be at least 10 characters.").WaitForAsync();
    }

    [Fact]
    public async Task ASuperuserUnlocksALockedAccount()
    {
        var (email, password) = await portal.CreateAccountAsync("Support");
        await (await portal.NewPageAsync()).FailSignInAsync(email, times: 5);
        var page = await OpenAccountsAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        Assert.Contains("Locked until", await row.TextContentAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = $"Unlock {email}" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = $"{email} can sign in again." }).WaitForAsync();

        var person = await portal.NewPageAsync();
        await person.SignInAsync(email, password);
        Assert.Equal("(Support)", await person.GetByTestId("current-user-roles").TextContentAsync());
    }
}
