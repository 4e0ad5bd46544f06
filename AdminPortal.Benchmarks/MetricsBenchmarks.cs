using AdminPortal.Data;
using System.Diagnostics;
using AdminPortal.Domain.Metrics;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Benchmarks;

/// <summary>The metrics budgets: one day over 1,000,000 learners and 2,000,000 enrollments, and a 30-day backfill.</summary>
internal static class MetricsBenchmarks
{
    public static async Task DailyAsync(string folder, int learners)
    {
        await using var app = await BenchmarkRunner.PortalAsync(folder, "metrics");
        var seeded = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(learners, 42, BenchmarkRunner.Actor);
        Console.WriteLine($"seed-demo for metrics: {seeded}");
        var runner = app.Services.GetRequiredService<DailyMetricsRunner>();
        var yesterday = MetricRules.DayFor(null, runner.Today);
        var watch = Stopwatch.StartNew();
        var day = (await runner.RunAsync([yesterday], (_, _) => Task.CompletedTask, CancellationToken.None)).Single();
        Console.WriteLine($"daily metrics for {DailyMetricsRunner.Describe(day)} (budget 20 s), wall {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        var days = MetricRules.Range(yesterday.AddDays(-29), yesterday, runner.Today);
        var outcomes = await runner.RunAsync(days, (_, _) => Task.CompletedTask, CancellationToken.None);
        Console.WriteLine($"30-day backfill: {outcomes.Count} days in {watch.Elapsed.TotalSeconds:0.0} s (budget 600 s); slowest day " +
            $"{outcomes.Max(o => o.Took.TotalSeconds):0.0} s; {outcomes.Sum(o => o.Errors.Count)} course errors");
        var dashboard = app.Services.GetRequiredService<MetricsDashboard>();
        var site = (await dashboard.SitesAsync(BenchmarkRunner.Actor))[0];
        // The first view pays for compiling its queries; the second is what each later visit costs.
        foreach (var visit in new[] { "first", "second" })
        {
            watch.Restart();
            var view = await dashboard.ViewAsync(site, days[0], days[^1], BenchmarkRunner.Actor);
            await dashboard.CoursesAsync(view, new PageRequest(0, 25), BenchmarkRunner.Actor);
            Console.WriteLine($"dashboard view of 30 days for {site} with its first page of courses, {visit} visit: {watch.Elapsed.TotalMilliseconds:0} ms");
        }
        watch.Restart();
        await dashboard.CsvAsync(site, days[0], days[^1], BenchmarkRunner.Actor);
        Console.WriteLine($"its CSV with every course: {watch.Elapsed.TotalMilliseconds:0} ms");
    }
}
