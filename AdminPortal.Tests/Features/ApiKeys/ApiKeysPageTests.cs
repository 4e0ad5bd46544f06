using AdminPortal.Domain.Accounts;
using AdminPortal.Features.ApiKeys;
using AdminPortal.Tests.Support;
using Bunit;

namespace AdminPortal.Tests.Features.ApiKeys;

public sealed class ApiKeysPageTests : IAsyncLifetime
{
    private PageContext context = default!;

    public async Task InitializeAsync() => context = await PageContext.StartAsync(PortalRoles.Superuser);

    public async Task DisposeAsync() => await context.DisposeAsync();

    private async Task<IRenderedComponent<PageHost>> CreateAsync(string name)
    {
        var page = context.Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains("No API key yet.", page.Markup));
        // The name goes to the server as it is typed, so a click right after typing never creates a key with the name before.
        await page.Input("Name").TypeAsync(name);
        await page.Button("Create key").ClickAsync();
        return page;
    }

    [Fact]
    public async Task ANewKeyIsShownOnceWithItsScopeAndListedByItsHint()
    {
        var page = await CreateAsync("lms-production");

        var secret = page.WaitForElement("#NewKey").GetAttribute("value")!;
        Assert.StartsWith("pk_", secret);
        Assert.Contains("Key for lms-production (enrollments)", page.Find("label[for=NewKey]").TextContent);
        var row = page.Find("[aria-label='API keys'] tbody tr");
        Assert.Contains("lms-production", row.TextContent);
        Assert.Contains(secret[..6], row.QuerySelector("code")!.TextContent);

        await context.Bunit.DisposeComponentsAsync();
        var again = context.Render<ApiKeysPage>();
        again.WaitForAssertion(() => Assert.Contains("lms-production", again.Markup));
        Assert.DoesNotContain(secret, again.Markup);
    }

    [Fact]
    public async Task ABlankNameIsRefusedUnderTheNameField()
    {
        var page = await CreateAsync("  ");

        page.WaitForAssertion(() => Assert.Contains("Name the key (1 to 100 characters)", page.Find(".mud-input-control:has(#KeyName) .mud-input-helper-text").TextContent));
        Assert.Empty(await context.Get<ApiKeyService>().ListAsync(PortalServices.Admin));
        Assert.Empty(page.FindAll("#NewKey"));
    }

    [Fact]
    public async Task RevokeAsksFirstAndCancelKeepsTheKey()
    {
        var page = await CreateAsync("lms-test");

        // The click's handler waits for the dialog's answer.
        var revoking = page.WaitForElement("button[aria-label='Revoke lms-test']").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Calls with lms-test", page.Find(".mud-dialog").TextContent));
        Assert.Contains("Revoke lms-test?", page.Find(".mud-dialog-title").TextContent);
        await page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());

        await revoking;
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.Null(Assert.Single(await context.Get<ApiKeyService>().ListAsync(PortalServices.Admin)).RevokedUtc);
    }

    [Fact]
    public async Task ConfirmingRevokesTheKeyInTheDatabase()
    {
        var page = await CreateAsync("lms-old");

        var revoking = page.WaitForElement("button[aria-label='Revoke lms-old']").ClickAsync(new());
        await page.WaitForElement(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Revoke").ClickAsync(new());
        await revoking;

        page.WaitForAssertion(() => Assert.Contains("Revoked ", page.Find("[aria-label='API keys'] tbody tr").TextContent));
        Assert.Contains("lms-old is revoked.", page.Markup);
        Assert.NotNull(Assert.Single(await context.Get<ApiKeyService>().ListAsync(PortalServices.Admin)).RevokedUtc);
        Assert.Empty(page.FindAll("button[aria-label='Revoke lms-old']"));
    }
}
