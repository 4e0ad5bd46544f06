using System.Net;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Metrics;

[RunsOnPostgreSql]
public sealed class MetricsExportTests : IClassFixture<MetricsExportTests.Portal>
{
    public sealed class Portal : PortalWebFactory;

    private readonly Portal portal;

    public MetricsExportTests(Portal portal) => this.portal = portal;

    private async Task<HttpClient> StaffAsync()
    {
        await portal.Services.GetRequiredService<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin);
        await portal.Services.CreateAccountAsync(TestAccounts.UniqueEmail("boss"), PortalRoles.Superuser); // past the first-run set-up
        var email = TestAccounts.UniqueEmail("staff");
        await portal.Services.CreateAccountAsync(email, PortalRoles.Staff);
        var client = portal.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, TestAccounts.Password)).StatusCode);
        return client;
    }

    [Theory]
    [InlineData("site=learn.example.org&to=2026-11-30", "from")]
    [InlineData("site=learn.example.org&from=yesterday&to=2026-11-30", "from")]
    [InlineData("site=learn.example.org&from=2026-11-01&to=2026-13-01", "to")]
    [InlineData("site=learn.example.org&from=2026-11-30&to=2026-11-01", "to")]
    [InlineData("from=2026-11-01&to=2026-11-30", "site")]
    public async Task AMissingOrBadParameterIs400NamingIt(string query, string field)
    {
        var client = await StaffAsync();

        var response = await client.GetAsync($"/metrics/export.csv?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task AnUnknownSiteIs404AndAKnownOneIsItsCsv()
    {
        var client = await StaffAsync();

        var unknown = await client.GetAsync("/metrics/export.csv?site=nosuch.site&from=2026-11-01&to=2026-11-30");
        var known = await client.GetAsync("/metrics/export.csv?site=learn.example.org&from=2026-11-01&to=2026-11-30");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["site"], await unknown.ProblemFieldsAsync());
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (known.StatusCode, known.Content.Headers.ContentType?.MediaType));
    }
}
