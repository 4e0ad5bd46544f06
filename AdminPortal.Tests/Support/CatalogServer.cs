using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AdminPortal.Tests.Support;

/// <summary>
/// A catalog API on 127.0.0.1 serving course runs in pages (<c>/api/v1/course_runs/?page=N</c>), as the real one does,
/// with <c>next</c> links; a test can make any call fail or hang.
/// </summary>
public sealed class CatalogServer : IAsyncDisposable
{
    private TestHttpServer server = default!;
    private int calls;

    public string BaseUrl => server.BaseUrl + "/api/v1";

    /// <summary>Each page's runs, as JSON objects; change them between syncs.</summary>
    public List<List<JsonObject>> Pages { get; } = [];

    /// <summary>Given the call's number and the page asked for: a status to answer instead of the page (null: the page), after an optional wait.</summary>
    public Func<int, int, Task<int?>> Fault { get; set; } = (_, _) => Task.FromResult<int?>(null);

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Given the page served and the usual absolute link: the <c>next</c> to answer instead.</summary>
    public Func<int, string?, string?>? Next { get; set; }

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public static async Task<CatalogServer> StartAsync()
    {
        var catalog = new CatalogServer();
        catalog.server = await TestHttpServer.StartAsync(app => app.MapGet("/api/v1/course_runs/", async (HttpRequest request) =>
        {
            catalog.Requests.Enqueue(request.QueryString.Value ?? "");
            catalog.Authorizations.Enqueue(request.Headers.Authorization.FirstOrDefault());
            var page = int.TryParse(request.Query["page"], out var asked) ? asked : 1;
            if (await catalog.Fault(Interlocked.Increment(ref catalog.calls), page) is { } status)
            {
                return Results.Text("catalog trouble", statusCode: status);
            }
            var next = page < catalog.Pages.Count
                ? $"{catalog.BaseUrl}/course_runs/?page={page + 1}&page_size={request.Query["page_size"]}&exclude_utm=1"
                : null;
            var body = new JsonObject
            {
                ["count"] = catalog.Pages.Sum(p => p.Count),
                ["next"] = catalog.Next is { } answer ? answer(page, next) : next,
                ["results"] = new JsonArray([.. catalog.Pages[page - 1].Select(r => (JsonNode)r.DeepClone())]),
            };
            return Results.Text(body.ToJsonString(), "application/json");
        }));
        return catalog;
    }

    public static JsonObject Run(string key, string? marketingUrl = null, string? language = null, bool? financialAid = null)
    {
        var run = new JsonObject { ["key"] = key };
        if (marketingUrl is not null)
        {
            run["marketing_url"] = marketingUrl;
        }
        if (language is not null)
        {
            run["content_language"] = language;
        }
        if (financialAid is not null)
        {
            run["eligible_for_financial_aid"] = financialAid;
        }
        return run;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
