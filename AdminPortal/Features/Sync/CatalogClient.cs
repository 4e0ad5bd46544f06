using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AdminPortal.Domain.Sync;
using AdminPortal.Http;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AdminPortal.Features.Sync;

/// <summary><c>Sync:Catalog:*</c>: how patient the catalog client is.</summary>
public sealed class CatalogClientOptions
{
    public const string Section = "Sync:Catalog";

    [System.ComponentModel.DataAnnotations.Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    [System.ComponentModel.DataAnnotations.Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    [System.ComponentModel.DataAnnotations.Range(0, 600)]
    public double RetryDelaySeconds { get; set; } = 1;
}

public sealed record CatalogPage(IReadOnlyList<CatalogRun> Runs, string? Next);

/// <summary>A page the catalog would not give: the sync fails with this, naming the page and why.</summary>
public sealed class CatalogPageException(int page, string url, string reason)
    : Exception($"catalog page {page} ({url}) failed: {reason}");

/// <summary>
/// Reads the catalog's course runs a page at a time, through the "catalog" client: a timeout per attempt and retries with a
/// doubling wait on network errors, timeouts, 5xx, 408 and 429 (<c>Sync:Catalog:*</c>, see <see cref="ResilientHttpClients"/>).
/// </summary>
public sealed class CatalogClient(IHttpClientFactory clients, IOptions<CatalogClientOptions> options)
{
    public const string ClientName = "catalog";

    public static RetryShape ShapeOf(CatalogClientOptions options) => new(options.TimeoutSeconds, options.MaxAttempts, options.RetryDelaySeconds);

    /// <summary>Other 4xx will not get better by asking again; a timeout or a throttle may.</summary>
    public static bool IsWorthRetrying(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    public async Task<CatalogPage> GetPageAsync(string url, int page, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        HttpResponseMessage response;
        try
        {
            // The whole body is read within the attempt and its timeout (WithTheBodyReadInEachAttempt).
            response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutRejectedException)
        {
            throw new CatalogPageException(page, url, ResilientHttpClients.Describe(e, options.Value.TimeoutSeconds));
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new CatalogPageException(page, url, ResilientHttpClients.Describe(response));
            }
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                return Parse(await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken), page, url);
            }
            catch (JsonException e)
            {
                throw new CatalogPageException(page, url, $"the answer is not JSON ({e.Message})");
            }
        }
    }

    private static CatalogPage Parse(JsonDocument document, int page, string url)
    {
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                throw new CatalogPageException(page, url, "the answer has no \"results\" list");
            }
            var runs = new List<CatalogRun>(results.GetArrayLength());
            foreach (var run in results.EnumerateArray())
            {
                if (Text(run, "key") is { } key)
                {
                    runs.Add(new CatalogRun(key, Text(run, "marketing_url"), Text(run, "content_language"), Flag(run, "eligible_for_financial_aid")));
                }
            }
            return new CatalogPage(runs, Text(root, "next"));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
