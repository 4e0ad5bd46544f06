using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.SurveyReports;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Benchmarks;

/// <summary>The survey report issue's budget: a report over 1,000,000 learners, against the same SQL in the sqlite3 shell.</summary>
internal static class SurveyReportBenchmarks
{
    private const int Runs = 3;

    public static async Task GenerateAsync(string folder, int learners)
    {
        await using var app = await BenchmarkRunner.PortalAsync(folder, "survey");
        var seeded = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(learners, 42, BenchmarkRunner.Actor);
        Console.WriteLine($"seed-demo for survey reports: {seeded}");
        var reports = app.Services.GetRequiredService<SurveyReportService>();
        var times = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var id = await reports.RequestAsync(send: false, BenchmarkRunner.Actor);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (run == Runs - 1)
            {
                var report = (await reports.GetAsync(id, BenchmarkRunner.Actor))!.Report;
                Console.WriteLine($"report {id}: {report.StateText}, {report.Counts}");
            }
        }
        var shell = new List<double>();
        var database = app.Services.GetRequiredService<PortalDatabase>().FilePath;
        var now = SqliteTimes.Text(DateTime.UtcNow);
        var since = SqliteTimes.Text(DateTime.UtcNow.AddDays(-28));
        for (var run = 0; run < Runs; run++)
        {
            shell.Add(await SqliteShellAsync(database, now, since));
        }
        var (portal, sqlite) = (Median(times), Median(shell));
        Console.WriteLine($"survey report over {seeded.Learners:N0} learners and {seeded.Enrollments:N0} enrollments: generation (five counts, payload, " +
            $"saves) median of {Runs} {portal:0} ms (budget 5,000 ms); the five statements in the sqlite3 shell {sqlite:0} ms: {portal / sqlite:0.00}x (budget 1.5x)");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Wall time of the sqlite3 shell running SurveyCounts.sql on the same file, as the README shows.</summary>
    private static async Task<double> SqliteShellAsync(string database, string now, string since)
    {
        // The file the portal embeds, at its place in the repository (scripts/bench.sh runs from the top).
        var script = Path.GetFullPath("AdminPortal/Features/SurveyReports/SurveyCounts.sql");
        var start = new ProcessStartInfo("sqlite3")
        {
            ArgumentList = { database, $".parameter set $now \"'{now}'\"", $".parameter set $active_since \"'{since}'\"", $".read {script}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sqlite3 could not start: apt-get install sqlite3");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sqlite3 failed: {await process.StandardError.ReadToEndAsync()}");
        }
        var elapsed = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"  sqlite3: {output.ReplaceLineEndings(" ").Trim()} in {elapsed:0} ms");
        return elapsed;
    }
}
