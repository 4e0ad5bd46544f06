using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Hosting;

/// <summary>Serilog's request logging: one line per request with method, route, status and time, never a value from the path or query string; health probes below Information.</summary>
public sealed class RequestLoggingTests
{
    [Fact]
    public async Task ARequestIsLoggedWithItsPathAndStatusButNotItsQueryString()
    {
        var capture = new LogCapture();
        using var directory = TestDirectory.CreateMigrated("request-log");
        await using var portal = new PortalWebFactory(directory, capture.AddTo);
        var client = portal.CreateBrowserlikeClient();

        // A portal with no superuser yet answers every page with a redirect to /setup.
        await client.GetAsync("/account/login?ReturnUrl=%2Fadmin%3Ftoken%3Dsecret-value");
        await client.GetAsync("/health");

        var line = Assert.Single(capture.Lines, l => l.Contains("/account/login", StringComparison.Ordinal));
        Assert.StartsWith("Information: HTTP ", line, StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(line, @"GET.*/account/login.* responded 302 in \d+\.\d ms$"), line);
        Assert.DoesNotContain(capture.Lines, l => l.Contains("secret-value", StringComparison.Ordinal) || l.Contains("ReturnUrl", StringComparison.Ordinal));
        // Probes are logged at Debug, below the configured Information.
        Assert.DoesNotContain(capture.Lines, l => l.Contains("/health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARouteIsLoggedByItsTemplateSoALearnersEmailInThePathStaysOut()
    {
        var capture = new LogCapture();
        using var directory = TestDirectory.CreateMigrated("request-log-route");
        await using var portal = new PortalWebFactory(directory, capture.AddTo);
        var client = portal.CreateClient();

        var response = await client.GetAsync("/api/support/course-reset/learner.private%40example.org");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        var requests = capture.Lines.Where(l => l.Contains("responded", StringComparison.Ordinal)).ToList();
        // Other logger providers get the properties quoted ("GET"); the console and file templates print them as they are.
        Assert.StartsWith("Information: HTTP GET /api/support/course-reset/{usernameOrEmail} responded 401 in ",
            Assert.Single(requests).Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(requests, l => l.Contains("learner.private", StringComparison.Ordinal));
    }
}
