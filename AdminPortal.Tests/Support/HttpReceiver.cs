using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AdminPortal.Tests.Support;

/// <summary>A real HTTP endpoint on 127.0.0.1 that records each POST body and answers as the test scripts it.</summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private TestHttpServer server = default!;
    private int calls;

    public ConcurrentQueue<string> Bodies { get; } = new();

    public string Url => server.BaseUrl + "/reports";

    /// <param name="answer">Given the call's number (1, 2, ...): the status to answer, after an optional wait.</param>
    public static async Task<HttpReceiver> StartAsync(Func<int, Task<int>> answer)
    {
        var receiver = new HttpReceiver();
        receiver.server = await TestHttpServer.StartAsync(app => app.MapPost("/reports", async (HttpRequest request) =>
        {
            receiver.Bodies.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
            var status = await answer(Interlocked.Increment(ref receiver.calls));
            return Results.Text(status < 300 ? "{\"ok\":true}" : "the receiver is down", "application/json", statusCode: status);
        }));
        return receiver;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
