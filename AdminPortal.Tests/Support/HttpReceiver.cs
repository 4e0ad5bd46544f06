using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AdminPortal.Tests.Support;

/// <summary>A real HTTP endpoint on 127.0.0.1 that records each POST body and answers as the test scripts it.</summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int calls;

    private HttpReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<string> Bodies { get; } = new();

    public string Url => app.Urls.First().TrimEnd('/') + "/reports";

    /// <param name="answer">Given the call's number (1, 2, ...): the status to answer, after an optional wait.</param>
    public static async Task<HttpReceiver> StartAsync(Func<int, Task<int>> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new HttpReceiver(app);
        app.MapPost("/reports", async (HttpRequest request) =>
        {
            receiver.Bodies.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
            var status = await answer(Interlocked.Increment(ref receiver.calls));
            return Results.Text(status < 300 ? "{\"ok\":true}" : "the receiver is down", "application/json", statusCode: status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await app.StopAsync(patience.Token);
        await app.DisposeAsync();
    }
}
