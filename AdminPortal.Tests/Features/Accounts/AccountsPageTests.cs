using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Accounts;

public sealed class AccountsPageTests : IAsyncLifetime
{
    private PageContext context = default!;

    public async Task InitializeAsync() => context = await PageContext.StartAsync(PortalRoles.Superuser);

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<AccountSummary> AccountAsync(string email) =>
        (await context.Get<AccountService>().ListAsync(PortalServices.Admin)).Single(a => a.Email == email);

    [Fact]
    public async Task ASuperuserCreatesAnAccountInTheDialog()
    {
        var page = context.Render<AccountsPage>();
        var email = TestAccounts.UniqueEmail("nora");

        page.Button("New account").Press();
        page.WaitForAssertion(() => Assert.Contains("New portal account", page.Dialog().TextContent));
        await page.Input("Email").FillAsync(email);
        await page.Input("Name").FillAsync("Nora New");
        await page.Input("Support").ChangeAsync(new() { Value = true });
        await page.Input("Initial password").FillAsync("Nora#first2026");
        await page.Button("Create account").ClickAsync();

        page.WaitForAssertion(() => Assert.Contains($"Account {email} created.", page.Markup));
        Assert.Empty(page.FindAll("[role=dialog]"));
        var created = await AccountAsync(email);
        Assert.Equal(["Support"], created.Roles);
        // The list shows the new account alone, whichever page it sorts onto.
        page.WaitForAssertion(() => Assert.Equal([email, "Nora New", "Support"], Assert.Single(page.FindAll("tbody tr")).QuerySelectorAll("td").Take(3).Select(td => td.TextContent.Trim())));
        Assert.Equal(email, page.Input("Email or name contains").GetAttribute("value"));
    }

    [Fact]
    public async Task TheDialogNamesWhatIsMissingUnderEachFieldAndCreatesNothing()
    {
        var page = context.Render<AccountsPage>();
        var before = (await context.Get<AccountService>().ListAsync(PortalServices.Admin)).Count;

        page.Button("New account").Press();
        page.WaitForAssertion(() => page.Dialog());
        await page.Input("Email").FillAsync("not-an-email");
        await page.Button("Create account").ClickAsync();

        var dialog = page.Dialog();
        Assert.Contains("Enter a valid email address, such as name@example.org.", dialog.TextContent);
        Assert.Contains("Choose at least one role.", dialog.TextContent);
        Assert.Contains("Enter a password.", dialog.TextContent);
        Assert.Contains("Enter a valid email address", page.Input("Email").ParentElement!.ParentElement!.ParentElement!.TextContent);
        Assert.Equal(before, (await context.Get<AccountService>().ListAsync(PortalServices.Admin)).Count);
    }

    [Fact]
    public async Task AWeakPasswordIsExplainedByTheServer()
    {
        var page = context.Render<AccountsPage>();

        page.Button("New account").Press();
        page.WaitForAssertion(() => page.Dialog());
        await page.Input("Email").FillAsync(TestAccounts.UniqueEmail("weak"));
        await page.Input("Name").FillAsync("Weak");
        await page.Input("Staff").ChangeAsync(new() { Value = true });
        await page.Input("Initial password").FillAsync("weak");
        await page.Button("Create account").ClickAsync();

        page.WaitForAssertion(() => Assert.Contains("Passwords must be at least 10 characters.", page.Dialog().TextContent));
    }

    [Fact]
    public async Task TheSearchNarrowsTheListAndLivesInTheAddress()
    {
        var email = TestAccounts.UniqueEmail("searchable");
        await context.Portal.CreateAccountAsync(email, PortalRoles.Staff);
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/admin/accounts");
        var page = context.Render<AccountsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        await page.Input("Email or name contains").TypeAsync("searchable");

        page.WaitForAssertion(() => Assert.EndsWith("/admin/accounts?q=searchable", navigation.Uri));
        page.WaitForAssertion(() => Assert.Contains(email, Assert.Single(page.FindAll("tbody tr")).TextContent));
        await page.Input("Email or name contains").TypeAsync("nobody-has-this");
        page.WaitForAssertion(() => Assert.Contains("No account matches.", page.Markup));
    }

    [Fact]
    public async Task DisablingAsksFirstAndCancellingChangesNothing()
    {
        var email = TestAccounts.UniqueEmail("dora");
        await context.Portal.CreateAccountAsync(email, PortalRoles.Staff);
        var page = context.Render<AccountsPage>();
        page.WaitForAssertion(() => page.Button($"Disable {email}"));

        page.Button($"Disable {email}").Press();
        page.WaitForAssertion(() => Assert.Contains("will be signed out and cannot sign in until enabled again", page.Markup));
        await page.Button("Cancel").ClickAsync();
        Assert.Equal(AccountStatus.Active, (await AccountAsync(email)).Status);

        page.Button($"Disable {email}").Press();
        page.WaitForAssertion(() => page.Button("Disable"));
        await page.Button("Disable").ClickAsync();

        page.WaitForAssertion(() => Assert.Contains($"{email} disabled.", page.Markup));
        Assert.Equal(AccountStatus.Disabled, (await AccountAsync(email)).Status);
        Assert.True(page.HasButton($"Enable {email}"));
    }

    [Fact]
    public async Task ALockedAccountIsShownLockedAndUnlocked()
    {
        var email = TestAccounts.UniqueEmail("lou");
        var id = await context.Portal.CreateAccountAsync(email, PortalRoles.Support);
        using (var scope = context.Portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, DateTimeOffset.UtcNow.AddMinutes(10));
        }
        var page = context.Render<AccountsPage>();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("tbody tr"), r => r.TextContent.Contains(email) && r.TextContent.Contains("Locked until")));

        await page.Button($"Unlock {email}").ClickAsync();

        page.WaitForAssertion(() => Assert.Contains($"{email} can sign in again.", page.Markup));
        Assert.Equal(AccountStatus.Active, (await AccountAsync(email)).Status);
    }

    [Fact]
    public async Task RolesAreChangedInTheirDialog()
    {
        var email = TestAccounts.UniqueEmail("rolf");
        await context.Portal.CreateAccountAsync(email, PortalRoles.Staff);
        var page = context.Render<AccountsPage>();
        page.WaitForAssertion(() => page.Button($"Change roles of {email}"));

        page.Button($"Change roles of {email}").Press();
        page.WaitForAssertion(() => page.Dialog());
        await page.Input("Staff").ChangeAsync(new() { Value = false });
        await page.Button("Save roles").ClickAsync();
        Assert.Contains("Choose at least one role.", page.Dialog().TextContent);
        await page.Input("Course author").ChangeAsync(new() { Value = true });
        await page.Button("Save roles").ClickAsync();

        page.WaitForAssertion(() => Assert.Contains($"Roles of {email} saved.", page.Markup));
        Assert.Equal([PortalRoles.CourseAuthor], (await AccountAsync(email)).Roles);
        Assert.True(page.HasButton($"Courses of {email}"));
    }

    [Fact]
    public async Task APasswordMustBeRepeatedExactly()
    {
        var email = TestAccounts.UniqueEmail("pia");
        await context.Portal.CreateAccountAsync(email, PortalRoles.Staff);
        var page = context.Render<AccountsPage>();
        page.WaitForAssertion(() => page.Button($"Set password of {email}"));

        page.Button($"Set password of {email}").Press();
        page.WaitForAssertion(() => page.Dialog());
        await page.Input("New password").FillAsync("Another#pass2026");
        await page.Input("Repeat the new password").FillAsync("Another#pass2027");
        await page.Button("Set password").ClickAsync();
        Assert.Single(page.FindAll("[role=dialog]"));

        await page.Input("Repeat the new password").FillAsync("Another#pass2026");
        await page.Button("Set password").ClickAsync();

        page.WaitForAssertion(() => Assert.Contains($"Password of {email} set.", page.Markup));
    }
}
