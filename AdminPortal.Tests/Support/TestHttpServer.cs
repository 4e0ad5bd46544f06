using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AdminPortal.Tests.Support;

/// <summary>A real HTTP server on a free port of 127.0.0.1 with the endpoints a test maps; stopped when disposed.</summary>
public sealed class TestHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestHttpServer(WebApplication app) => this.app = app;

    public string BaseUrl => app.Urls.First().TrimEnd('/');

    public static async Task<TestHttpServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new TestHttpServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await app.StopAsync(patience.Token);
        await app.DisposeAsync();
    }
}
