using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace AdminPortal.Http;

/// <summary>How patient a client is with the server it calls: a timeout per attempt, and retries with a doubling wait.</summary>
/// <param name="RetryDelaySeconds">The wait before the first retry; each further retry waits twice as long.</param>
public sealed record RetryShape(int TimeoutSeconds, int MaxAttempts, double RetryDelaySeconds);

public static class ResilientHttpClients
{
    /// <summary>
    /// A named client with the portal's one retry shape, read from <typeparamref name="TOptions"/> when the client is first
    /// built: each attempt times out after <see cref="RetryShape.TimeoutSeconds"/> (as <see cref="TimeoutRejectedException"/>),
    /// and a network error, a timeout or a response <paramref name="worthRetrying"/> accepts is tried again, up to
    /// <see cref="RetryShape.MaxAttempts"/> attempts in all. The last response or exception reaches the caller.
    /// </summary>
    public static IHttpClientBuilder AddResilientHttpClient<TOptions>(
        this IServiceCollection services, string name, Func<TOptions, RetryShape> shapeOf, Func<HttpStatusCode, bool> worthRetrying)
        where TOptions : class
    {
        // The attempts have their timeout; the client's own (100 s) must not cut in across them.
        var client = services.AddHttpClient(name, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(name, (pipeline, context) =>
        {
            var shape = shapeOf(context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value);
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ResilientHttpClients));
            if (shape.MaxAttempts > 1)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = shape.MaxAttempts - 1,
                    Delay = TimeSpan.FromSeconds(shape.RetryDelaySeconds),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                    // A server's Retry-After could hold a send for a day, past a survey report's lease: the doubling wait it is.
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = attempt => ValueTask.FromResult(attempt.Outcome switch
                    {
                        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
                        { Result: { } response } => worthRetrying(response.StatusCode),
                        _ => false,
                    }),
                    OnRetry = retry =>
                    {
                        logger.LogWarning("{Client}: attempt {Attempt} of {Max} failed ({Reason}); trying again in {Delay:0.#} s", name,
                            retry.AttemptNumber + 1, shape.MaxAttempts, Describe(retry.Outcome, shape), retry.RetryDelay.TotalSeconds);
                        return ValueTask.CompletedTask;
                    },
                });
            }
            pipeline.AddTimeout(TimeSpan.FromSeconds(shape.TimeoutSeconds));
        });
        return client;
    }

    /// <summary>
    /// For a client that needs the answer's body: it is read inside each attempt and its timeout, so a server that stalls or
    /// drops the connection half-way through a body is retried like one that never answered (else the body is read after
    /// the retries, with no timeout). Added after <see cref="AddResilientHttpClient"/>, so it sits inside the attempts.
    /// </summary>
    public static IHttpClientBuilder WithTheBodyReadInEachAttempt(this IHttpClientBuilder client) =>
        client.AddHttpMessageHandler(() => new BodyReadInsideTheAttempt());

    private sealed class BodyReadInsideTheAttempt : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }

    /// <summary>What went wrong with an attempt, in the words the portal shows ("HTTP 503 Service Unavailable", "no answer within 30 s").</summary>
    public static string Describe(HttpResponseMessage response) => $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";

    /// <inheritdoc cref="Describe(HttpResponseMessage)"/>
    public static string Describe(Exception exception, int timeoutSeconds) =>
        exception is TimeoutRejectedException or OperationCanceledException ? $"no answer within {timeoutSeconds} s" : exception.Message;

    private static string Describe(Outcome<HttpResponseMessage> outcome, RetryShape shape) =>
        outcome.Exception is { } exception ? Describe(exception, shape.TimeoutSeconds) : Describe(outcome.Result!);
}
