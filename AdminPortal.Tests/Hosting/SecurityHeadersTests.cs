using AdminPortal.Hosting;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Hosting;

public sealed class SecurityHeadersTests : IClassFixture<SecurityHeadersTests.Portal>
{
    public sealed class Portal : PortalWebFactory;

    private readonly Portal portal;

    public SecurityHeadersTests(Portal portal) => this.portal = portal;

    [Theory]
    [InlineData("/account/login")] // a page
    [InlineData("/health")]
    [InlineData("/api/enrollments")] // refused without a key: the refusal too
    [InlineData("/metrics/export.csv?site=x&from=2026-11-01&to=2026-11-30")] // redirected to sign in
    [InlineData("/css/portal.css")] // a static file
    [InlineData("/no/such/page")]
    public async Task EveryResponseCarriesThem(string path)
    {
        var response = await portal.CreateBrowserlikeClient().GetAsync(path);

        string Header(string name) => string.Join(",", response.Headers.TryGetValues(name, out var values) ? values : []);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", Header("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-eval", Header("Content-Security-Policy"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("same-origin", Header("Referrer-Policy"));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Header("Permissions-Policy"));
    }

    [Fact]
    public async Task OverHttpsTheCookiesAreSecureAndHstsIsSent()
    {
        await portal.Services.CreateAccountAsync(TestAccounts.UniqueEmail("boss"), AdminPortal.Domain.Accounts.PortalRoles.Superuser); // past the set-up page
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://portal.example.org"), AllowAutoRedirect = false, HandleCookies = false, // HSTS leaves localhost out
        });

        var login = await client.GetAsync("/account/login");

        Assert.Contains("max-age=", string.Join(",", login.Headers.GetValues("Strict-Transport-Security")));
        Assert.All(login.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }
}
