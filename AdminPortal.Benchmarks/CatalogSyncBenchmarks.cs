using System.Diagnostics;
using System.Text.Json.Nodes;
using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.Sync;
using AdminPortal.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdminPortal.Benchmarks;

/// <summary>The sync issue's budget: 10,000 course runs in pages of 100 from a catalog on 127.0.0.1, each one a known course that changes.</summary>
internal static class CatalogSyncBenchmarks
{
    public static async Task SyncAsync(string folder, int runs, int pageSize)
    {
        await using var catalog = await StartCatalogAsync(runs, pageSize);
        await using var app = await BenchmarkRunner.PortalAsync(folder, "catalog");
        await using (var connection = await app.Services.GetRequiredService<PortalDatabase>().OpenConnectionAsync(CancellationToken.None))
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {runs})
                INSERT INTO Courses (Key, Org, Number, Run, DisplayName, StartUtc, SelfPaced, Language, FinancialAidEnabled, HighlightsEnabled)
                SELECT 'course-v1:Bench+C' || i || '+2026', 'Bench', 'C' || i, '2026', 'Course ' || i, '2026-01-01 00:00:00', 1, 'en', 0, 0 FROM n;
                """;
            await insert.ExecuteNonQueryAsync();
        }
        await app.Services.GetRequiredService<CatalogSettingsService>().SaveAsync(
            new CatalogSettingsRequest(catalog.Urls.First() + "/api/v1", pageSize, true, "benchmark-token", false), BenchmarkRunner.Actor);
        var job = app.Services.GetRequiredService<JobCatalog>().Find(CatalogSyncJob.Name)!;
        var runner = app.Services.GetRequiredService<JobRunner>();
        var watch = Stopwatch.StartNew();
        var first = await runner.RunAsync(job, JobStart.Cli, CancellationToken.None);
        var firstSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var second = await runner.RunAsync(job, JobStart.Cli, CancellationToken.None);
        if (first.Status != JobRunStatus.Succeeded || second.Status != JobRunStatus.Succeeded)
        {
            throw new InvalidOperationException($"The sync failed: {first.Error ?? second.Error}");
        }
        Console.WriteLine($"catalog sync of {runs:N0} course runs in pages of {pageSize}: {first.Counts["pages"]} pages, {first.Counts["updated"]:N0} updated " +
            $"in {firstSeconds:0.00} s (budget 30 s); again with no change: {second.Counts["updated"]} updated in {watch.Elapsed.TotalSeconds:0.00} s");
    }

    private static async Task<WebApplication> StartCatalogAsync(int runs, int pageSize)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var catalog = builder.Build();
        catalog.MapGet("/api/v1/course_runs/", (HttpRequest request) =>
        {
            var page = int.TryParse(request.Query["page"], out var asked) ? asked : 1;
            var from = (page - 1) * pageSize;
            var results = new JsonArray([.. Enumerable.Range(from + 1, Math.Min(pageSize, runs - from)).Select(i => (JsonNode)new JsonObject
            {
                ["key"] = $"course-v1:Bench+C{i}+2026",
                ["marketing_url"] = $"https://www.example.org/course/{i}",
                ["content_language"] = "fr",
                ["eligible_for_financial_aid"] = true,
            })]);
            var next = from + pageSize < runs ? $"{catalog.Urls.First()}/api/v1/course_runs/?page={page + 1}&page_size={pageSize}&exclude_utm=1" : null;
            return Results.Text(new JsonObject { ["count"] = runs, ["next"] = next, ["results"] = results }.ToJsonString(), "application/json");
        });
        await catalog.StartAsync();
        return catalog;
    }
}
