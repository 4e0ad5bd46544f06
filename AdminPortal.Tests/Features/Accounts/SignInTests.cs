using System.Net;
using AdminPortal.Domain.Accounts;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Accounts;

/// <summary>Sign-in, lockout and server-side page guards, through HTTP on the whole app.</summary>
public sealed class SignInTests : IClassFixture<SignInTests.Portal>
{
    public sealed class Portal : PortalWebFactory, IAsyncLifetime
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
    [InlineData("/_content/Radzen.Blazor/Radzen.Blazor.js")]
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
    public async Task FiveFailuresLockTheAccountEvenForTheRightPassword()
    {
        var email = TestAccounts.UniqueEmail("locked");
        var password = await portal.CreateAccountAsync(email, PortalRoles.Staff);
        var client = portal.CreateBrowserlikeClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Contains("Wrong email or password.", await (await client.SignInAsync(email, "Wrong#password1")).Content.ReadAsStringAsync());
        }

        var fifth = await (await client.SignInAsync(email, "Wrong#password1")).Content.ReadAsStringAsync();
        var rightPassword = await client.SignInAsync(email, password);

        Assert.Contains("This account is locked after 5 failed sign-ins.", fifth);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("This account is locked", await rightPassword.Content.ReadAsStringAsync());
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
}
