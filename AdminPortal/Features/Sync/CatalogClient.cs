using System.Net.Http.Headers;
using System.Text.Json;
using AdminPortal.Domain;
using AdminPortal.Domain.Sync;
using Microsoft.Extensions.Options;

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

/// <summary>Reads the catalog's course runs a page at a time: a timeout per request, retries with a doubling wait.</summary>
public sealed class CatalogClient(IHttpClientFactory clients, IOptions<CatalogClientOptions> options, ILogger<CatalogClient> logger)
{
    public const string ClientName = "catalog";

    public async Task<CatalogPage> GetPageAsync(string url, int page, string? token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var reason = "";
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                logger.LogWarning("Catalog page {Page} failed ({Reason}); attempt {Attempt} of {Max}", page, reason, attempt, settings.MaxAttempts);
                await Task.Delay(Retries.DoublingDelay(attempt, TimeSpan.FromSeconds(settings.RetryDelaySeconds)), cancellationToken);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
                using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                    return Parse(await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token), page, url);
                }
                reason = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                if ((int)response.StatusCode is < 500 and not 408 and not 429)
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                reason = $"no answer within {settings.TimeoutSeconds} s";
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                reason = e.Message;
            }
            catch (JsonException e)
            {
                throw new CatalogPageException(page, url, $"the answer is not JSON ({e.Message})");
            }
        }
        throw new CatalogPageException(page, url, reason);
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
