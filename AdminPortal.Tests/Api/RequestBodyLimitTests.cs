using System.Net;
using AdminPortal.Domain.Integration;
using AdminPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace AdminPortal.Tests.Api;

/// <summary>On the real web server (Kestrel enforces the body limit, the in-memory test server does not).</summary>
public sealed class RequestBodyLimitTests : IAsyncLifetime
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("body-limit");
    private WebApplication app = default!;

    public async Task InitializeAsync()
    {
        app = PortalWebApp.Build(["--urls", "http://127.0.0.1:0"], directory.Settings());
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        directory.Dispose();
    }

    [Fact]
    public async Task ABodyOverTheLimitIs413NamingTheBodyAndTheLimit()
    {
        // As curl does for a large body: the server answers before the body is sent, so the client reads the answer. The
        // client waits up to 30 s for that answer (1 s by default, which a loaded machine overran: the body went, the
        // server closed the connection on it and the client saw a broken pipe instead of the 413).
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.ExpectContinue = true;
        client.WithApiKey(await app.Services.CreateApiKeyAsync(ApiScope.Enrollments));

        var response = await client.PostJsonAsync("/api/enrollments", $$"""{"username":"{{new string('a', 31_000_000)}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["body"], await response.ProblemFieldsAsync());
        Assert.Contains("larger than the limit of 30 MB", await response.Content.ReadAsStringAsync());
    }
}
