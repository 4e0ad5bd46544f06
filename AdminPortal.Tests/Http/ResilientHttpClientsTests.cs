using System.Net;
using AdminPortal.Http;
using AdminPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;

namespace AdminPortal.Tests.Http;

/// <summary>The one retry shape every outgoing client has, against a real server on 127.0.0.1.</summary>
public sealed class ResilientHttpClientsTests
{
    private sealed class ClientOptions
    {
        public int TimeoutSeconds { get; set; }
        public int MaxAttempts { get; set; } = 3;
        public double RetryDelaySeconds { get; set; } = 0.2;
    }

    private static (HttpClient Client, LogCapture Log, ServiceProvider Services) Client(int maxAttempts = 3, bool readsTheBody = false, int timeoutSeconds = 10)
    {
        var log = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging();
        log.AddTo(services);
        services.AddOptions<ClientOptions>().Configure(o => (o.MaxAttempts, o.TimeoutSeconds) = (maxAttempts, timeoutSeconds));
        var client = services.AddResilientHttpClient<ClientOptions>("test",
            o => new RetryShape(o.TimeoutSeconds, o.MaxAttempts, o.RetryDelaySeconds), status => (int)status >= 500);
        if (readsTheBody)
        {
            client.WithTheBodyReadInEachAttempt();
        }
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IHttpClientFactory>().CreateClient("test"), log, provider);
    }

    [Fact]
    public async Task ATransientAnswerIsRetriedAfterADoublingWaitUntilOneSucceeds()
    {
        await using var receiver = await HttpReceiver.StartAsync(call => Task.FromResult(call < 3 ? 503 : 200));
        var (client, log, services) = Client();
        await using var _ = services;

        using var response = await client.PostAsync(receiver.Url, new StringContent("{}"));

        Assert.Equal((HttpStatusCode.OK, 3), (response.StatusCode, receiver.Bodies.Count));
        Assert.Equal(
        [
            "Warning: test: attempt 1 of 3 failed (HTTP 503 Service Unavailable); trying again in 0.2 s",
            "Warning: test: attempt 2 of 3 failed (HTTP 503 Service Unavailable); trying again in 0.4 s",
        ], log.Lines.Where(l => l.Contains("test: attempt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnAnswerNotWorthRetryingReachesTheCallerAtOnce()
    {
        await using var receiver = await HttpReceiver.StartAsync(_ => Task.FromResult(400));
        var (client, _, services) = Client();
        await using var __ = services;

        using var response = await client.PostAsync(receiver.Url, new StringContent("{}"));

        Assert.Equal((HttpStatusCode.BadRequest, 1), (response.StatusCode, receiver.Bodies.Count));
    }

    [Fact]
    public async Task EachAttemptHasItsTimeoutAndTheLastOneSaysSo()
    {
        await using var receiver = await HttpReceiver.StartAsync(async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return 200;
        });
        var (client, _, services) = Client(maxAttempts: 2, timeoutSeconds: 1);
        await using var __ = services;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.PostAsync(receiver.Url, new StringContent("{}")));

        Assert.Equal("no answer within 1 s", ResilientHttpClients.Describe(error, 1));
        Assert.Equal(2, receiver.Bodies.Count);
        Assert.InRange(watch.Elapsed.TotalSeconds, 2.0, 3.0);
    }

    [Fact]
    public async Task AServersRetryAfterDoesNotStretchTheDoublingWait()
    {
        await using var server = await TestHttpServer.StartAsync(app =>
        {
            var calls = 0;
            app.MapPost("/reports", (HttpResponse response) =>
            {
                if (Interlocked.Increment(ref calls) > 1)
                {
                    return Results.Ok();
                }
                // Longer than the test allows: honoured, it would fail the test.
                response.Headers.RetryAfter = "5";
                return Results.StatusCode(503);
            });
        });
        var (client, _, services) = Client();
        await using var __ = services;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        using var answer = await client.PostAsync(server.BaseUrl + "/reports", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.2, 3);
    }

    [Fact]
    public async Task ABodyThatStallsHalfWayIsRetriedWithinTheAttemptsTimeout()
    {
        await using var server = await TestHttpServer.StartAsync(app =>
        {
            var calls = 0;
            app.MapGet("/catalog", async (HttpResponse response, CancellationToken aborted) =>
            {
                response.ContentType = "application/json";
                response.ContentLength = 15;
                await response.WriteAsync("{\"results\": ", aborted);
                await response.Body.FlushAsync(aborted);
                if (Interlocked.Increment(ref calls) == 1)
                {
                    // Headers and half the body, then nothing: the attempt's timeout must cut in.
                    await Task.Delay(TimeSpan.FromSeconds(30), aborted);
                }
                await response.WriteAsync("[]}", aborted);
            });
        });
        var (client, log, services) = Client(readsTheBody: true, timeoutSeconds: 1);
        await using var __ = services;

        using var answer = await client.GetAsync(server.BaseUrl + "/catalog");

        Assert.Equal("{\"results\": []}", await answer.Content.ReadAsStringAsync());
        Assert.Contains("Warning: test: attempt 1 of 3 failed (no answer within 1 s); trying again in 0.2 s", log.Lines);
    }
}
