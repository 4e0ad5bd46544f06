using System.Net;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Accounts;

/// <summary>Sign-in, lockout and server-side page guards, through HTTP on the whole app.</summary>
[RunsOnPostgreSql]
public sealed class SignInTests : IClassFixture<SignInTests.Portal>
{
    // Sessions re-check their account on every request here, instead of every minute.
    public sealed class Portal() : PortalWebFactory("Production", ("Accounts:RecheckSeconds", "0")), IAsyncLifetime
    {
        // A superuser exists, so no request is sent to the set-up page.
        public Task InitializeAsync() => Services.CreateAccountAsync(TestAccounts.UniqueEmail("root"), PortalRoles.Superuser);

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        public async Task<string> CreateAccountAsync(string email, string role)
        {
            await Services.CreateAccountAsync(email, role);
            return TestAccounts.Password;
        }
    }

    private readonly Portal portal;

    public SignInTests(Portal portal) => this.portal = portal;

    [Fact]
    public async Task AnAnonymousVisitorIsSentToTheLoginPage()
    {
        var response = await portal.CreateBrowserlikeClient().GetAsync("/admin/accounts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Faccounts", response.Headers.Location.Query);
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/css/portal.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/health")]
    public async Task TheLoginPageAssetsLoadWithoutSigningIn(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateBrowserlikeClient().GetAsync(path)).StatusCode);

    [Fact]
    public async Task TheRightPasswordSignsInAndReturnsToThePageAsked()
    {
        var email = TestAccounts.UniqueEmail("staff");
        var password = await portal.CreateAccountAsync(email, PortalRoles.Staff);
        var client = portal.CreateBrowserlikeClient();

        var response = await client.PostFormAsync("/account/login?ReturnUrl=%2Fadmin%2Fsystem", "login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/system", response.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/system")).StatusCode);
    }

    [Fact]
    public async Task AReturnAddressOnAnotherSiteIsIgnored()
    {
        var email = TestAccounts.UniqueEmail("staff");
        var password = await portal.CreateAccountAsync(email, PortalRoles.Staff);

        var response = await portal.CreateBrowserlikeClient().PostFormAsync("/account/login?ReturnUrl=%2F%2Fevil.example", "login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

        Assert.Equal("/", response.RedirectTarget());
    }

    [Fact]
    public async Task AWrongPasswordShowsAnError()
    {
        var email = TestAccounts.UniqueEmail("staff");
        await portal.CreateAccountAsync(email, PortalRoles.Staff);

        var response = await portal.CreateBrowserlikeClient().SignInAsync(email, "Wrong#password1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownEmailGetsTheSameAnswerAsAWrongPassword()
    {
        var email = TestAccounts.UniqueEmail("staff");
        await portal.CreateAccountAsync(email, PortalRoles.Staff);
        var client = portal.CreateBrowserlikeClient();

        var wrongPassword = FailureMessage(await (await client.SignInAsync(email, "Wrong#password1")).Content.ReadAsStringAsync());
        var unknownEmail = FailureMessage(await (await client.SignInAsync("nobody@example.org", "Wrong#password1")).Content.ReadAsStringAsync());

        Assert.Equal(wrongPassword, unknownEmail);
    }

    private static string FailureMessage(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<div role=\"alert\"[^>]*><p>([^<]+)</p>").Groups[1].Value;

    [Fact]
    public async Task FiveFailuresLockTheAccountEvenForTheRightPassword()
    {
        var email = TestAccounts.UniqueEmail("locked");
        var password = await portal.CreateAccountAsync(email, PortalRoles.Staff);
        var client = portal.CreateBrowserlikeClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Contains("Wrong email or password.", await (await client.SignInAsync(email, "Wrong#password1")).Content.ReadAsStringAsync());
        }

        await client.SignInAsync(email, "Wrong#password1");
        var rightPassword = await client.SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("After 5 failed sign-ins an account is locked for 15 minutes", await rightPassword.Content.ReadAsStringAsync());
        var account = (await portal.Services.GetRequiredService<AccountService>().ListAsync(PortalActor.System("test"))).Single(a => a.Email == email);
        Assert.Equal(AccountStatus.Locked, account.Status);
    }

    [Fact]
    public async Task DisablingAnAccountEndsItsOpenSession()
    {
        var email = TestAccounts.UniqueEmail("staff");
        var password = await portal.CreateAccountAsync(email, PortalRoles.Staff);
        var client = portal.CreateBrowserlikeClient();
        await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/system")).StatusCode);
        var accounts = portal.Services.GetRequiredService<AccountService>();
        var id = (await accounts.ListAsync(PortalActor.System("test"))).Single(a => a.Email == email).Id;

        Assert.True((await accounts.DisableAsync(id, PortalActor.System("test"))).Succeeded);

        Assert.Equal("/account/login?ReturnUrl=%2Fadmin%2Fsystem", (await client.GetAsync("/admin/system")).RedirectTarget());
    }

    [Fact]
    public async Task ChangedRolesReachAnOpenSession()
    {
        var email = TestAccounts.UniqueEmail("staff");
        var password = await portal.CreateAccountAsync(email, PortalRoles.Staff);
        var client = portal.CreateBrowserlikeClient();
        await client.SignInAsync(email, password);
        var accounts = portal.Services.GetRequiredService<AccountService>();
        var id = (await accounts.ListAsync(PortalActor.System("test"))).Single(a => a.Email == email).Id;

        await accounts.SetRolesAsync(id, new RolesRequest { Roles = [PortalRoles.Support] }, PortalActor.System("test"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/system")).StatusCode);
        await client.SignInAsync(email, password);
        Assert.Equal("/account/access-denied", new Uri(new Uri("http://localhost"), (await client.GetAsync("/admin/system")).RedirectTarget()).AbsolutePath);
    }

    [Fact]
    public async Task ChangingTheOwnPasswordChecksTheCurrentOneAndKeepsTheSession()
    {
        var email = TestAccounts.UniqueEmail("author");
        var password = await portal.CreateAccountAsync(email, PortalRoles.CourseAuthor);
        var client = portal.CreateBrowserlikeClient();
        await client.SignInAsync(email, password);
        Dictionary<string, string> Form(string current) => new()
        {
            ["Input.CurrentPassword"] = current, ["Input.Password"] = "Changed#2026x", ["Input.ConfirmPassword"] = "Changed#2026x",
        };

        var wrong = await client.PostFormAsync("/account/password", "change-password", Form("Not#mine2026"));
        var right = await client.PostFormAsync("/account/password", "change-password", Form(password));

        Assert.Contains("The current password is wrong.", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Your password was changed.", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var again = portal.CreateBrowserlikeClient();
        Assert.Equal("/", (await again.SignInAsync(email, "Changed#2026x")).RedirectTarget());
    }

    [Theory]
    [InlineData(PortalRoles.Staff, "/admin/accounts", false)]
    [InlineData(PortalRoles.Support, "/admin/accounts", false)]
    [InlineData(PortalRoles.CourseAuthor, "/admin/system", false)]
    [InlineData(PortalRoles.Staff, "/admin/system", true)]
    [InlineData(PortalRoles.Superuser, "/admin/accounts", true)]
    [InlineData(PortalRoles.CourseAuthor, "/", true)]
    public async Task ThePageGuardRunsOnTheServer(string role, string path, bool allowed)
    {
        var email = TestAccounts.UniqueEmail(role.ToLowerInvariant());
        var password = await portal.CreateAccountAsync(email, role);
        var client = portal.CreateBrowserlikeClient();
        await client.SignInAsync(email, password);

        var response = await client.GetAsync(path);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task LogoutNeedsTheFormTokenAndThenEndsTheSession()
    {
        var email = TestAccounts.UniqueEmail("staff");
        var password = await portal.CreateAccountAsync(email, PortalRoles.Staff);
        var client = portal.CreateBrowserlikeClient();
        await client.SignInAsync(email, password);

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/system")).StatusCode);

        var logout = await client.PostFormAsync("/admin/system", "logout", new Dictionary<string, string>(), action: "/account/logout");
        Assert.Equal("/account/login", logout.RedirectTarget());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/system")).StatusCode);
    }

    [Fact]
    public async Task ACookieCopiedBeforeLogoutIsRefusedAfterIt()
    {
        var email = TestAccounts.UniqueEmail("staff");
        var password = await portal.CreateAccountAsync(email, PortalRoles.Staff);
        var client = portal.CreateBrowserlikeClient();
        var signIn = await client.SignInAsync(email, password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal)).Split(';')[0];
        var copy = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        var before = await copy.GetAsync("/admin/system");

        await client.PostFormAsync("/admin/system", "logout", new Dictionary<string, string>(), action: "/account/logout");
        var after = await copy.GetAsync("/admin/system");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("/account/login", after.RedirectTarget().Split('?')[0]);
        await using var db = await portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AdminPortal.Data.PortalDbContext>>()
            .CreateDbContextAsync();
        var userId = db.Users.Single(u => u.Email == email).Id;
        Assert.False(db.PortalSessions.Any(session => session.UserId == userId)); // signing out deleted it on the server
    }
}
