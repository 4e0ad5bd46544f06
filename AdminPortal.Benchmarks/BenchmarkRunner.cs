using System.Diagnostics;
using AdminPortal.Cli;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Import;
using AdminPortal.Features.Learners;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Benchmarks;

/// <summary>Seeds a throw-away database and times what the issues budget: seeding, learner search, CSV import.</summary>
public static class BenchmarkRunner
{
    internal static readonly PortalActor Actor = PortalActor.System("benchmark");

    public static async Task<int> RunAsync(string[] args)
    {
        var which = args.FirstOrDefault() ?? "all";
        if (PostgresServer is not null && which is not ("learner-search" or "messaging" or "course-reset" or "survey-report" or "two-instance-delivery"))
        {
            Console.Error.WriteLine("On PostgreSQL the benchmarks are learner-search, messaging, course-reset, survey-report and two-instance-delivery.");
            return 2;
        }
        if (PostgresServer is null && which == "two-instance-delivery")
        {
            Console.Error.WriteLine("two-instance-delivery runs on a server database: scripts/bench.sh two-instance-delivery postgres");
            return 2;
        }
        var folder = Path.Combine(Path.GetTempPath(), $"admin-portal-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            if (which is "all" or "learner-search")
            {
                var small = await SearchAsync(folder, "small", 10_000);
                var large = await SearchAsync(folder, "large", 1_000_000);
                foreach (var prefix in small.Keys)
                {
                    Console.WriteLine($"learner search '{prefix}', first page, median of {SearchRuns}: {small[prefix].Ms:0.0} ms at 10,000 learners " +
                        $"({small[prefix].Matches} matches), {large[prefix].Ms:0.0} ms at 1,000,000 ({large[prefix].Matches} matches): " +
                        $"{large[prefix].Ms / small[prefix].Ms:0.0}x");
                }
            }
            if (which is "all" or "import")
            {
                await ImportAsync(folder, 100_000);
            }
            if (which is "all" or "schedules" or "schedule-recompute")
            {
                await ScheduleBenchmarks.RecomputeAsync(folder, 100_000);
            }
            if (which is "all" or "schedules" or "schedules-page")
            {
                await ScheduleBenchmarks.BrowseAsync(folder, 2_000_000);
            }
            if (which is "all" or "messaging")
            {
                await MessagingBenchmarks.DailyRunAsync(folder, 1_000_000);
            }
            if (which is "all" or "course-reset")
            {
                await CourseResetBenchmarks.ResetAsync(folder, 20_000);
            }
            if (which is "all" or "catalog-sync")
            {
                await CatalogSyncBenchmarks.SyncAsync(folder, 10_000, 100);
            }
            if (which is "all" or "metrics")
            {
                await MetricsBenchmarks.DailyAsync(folder, 1_000_000);
            }
            if (which == "two-instance-delivery")
            {
                await TwoInstanceDeliveryBenchmarks.DeliverAsync(folder, 300_000);
            }
            if (which is "all" or "sign-in")
            {
                await SignInBenchmarks.FailuresAsync(folder);
            }
            if (which is "all" or "survey-report")
            {
                await SurveyReportBenchmarks.GenerateAsync(folder, 1_000_000);
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            foreach (var pickup in PickupParent is null ? [] : Directory.EnumerateDirectories(PickupParent, $"{Path.GetFileName(folder)}-*"))
            {
                Directory.Delete(pickup, recursive: true);
            }
        }
    }

    /// <summary>The PostgreSQL server of a run on PostgreSQL (<c>scripts/bench.sh WHICH postgres</c>); null on SQLite.</summary>
    internal static readonly string? PostgresServer = Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES");

    /// <summary>
    /// Where the .eml files go when <c>PORTAL_BENCH_PICKUP</c> names a folder (tmpfs, say: this machine's disk costs up to a
    /// millisecond of CPU for each file it creates); else beside the databases.
    /// </summary>
    private static readonly string? PickupParent = Environment.GetEnvironmentVariable("PORTAL_BENCH_PICKUP");

    private static string PickupFolder(string folder, string name) => Path.Combine(PickupParent ?? folder, $"{Path.GetFileName(folder)}-{name}-outbox");

    internal static async Task<WebApplication> PortalAsync(string folder, string name)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(folder, name + ".db")}",
            ["Serilog:WriteTo:Console:Args:restrictedToMinimumLevel"] = "Warning",
            ["Email:PickupDirectory"] = PickupFolder(folder, name),
            // Beside the benchmark's databases, not in the repository.
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(folder, "logs", "portal-.log"),
        };
        if (PostgresServer is not null)
        {
            // A database of its own on the run's cluster; migrate creates it.
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Portal"] = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"bench_{name}_{Guid.NewGuid():N}" }.ConnectionString;
            settings["Database:DataFolder"] = folder;
        }
        return await CliHost.StartAsync(["--environment", "Production"], settings, CancellationToken.None);
    }

    private const int SearchRuns = 15;

    /// <summary>Median time of each search's first page, after one warm-up run, with the number of matches shown.</summary>
    private static async Task<Dictionary<string, (double Ms, int Matches)>> SearchAsync(string folder, string name, int learners)
    {
        await using var app = await PortalAsync(folder, name);
        var seeded = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(learners, 42, Actor);
        Console.WriteLine($"seed-demo --learners {learners:N0}: {seeded}");
        var browser = app.Services.GetRequiredService<LearnerBrowser>();
        var results = new Dictionary<string, (double, int)>();
        foreach (var prefix in new[] { "a", "mar", "jo", "william.", "zz" })
        {
            var page = await browser.SearchAsync(prefix, new PageRequest(0, 20), Actor);
            var times = new List<double>();
            for (var run = 0; run < SearchRuns; run++)
            {
                var watch = Stopwatch.StartNew();
                await browser.SearchAsync(prefix, new PageRequest(0, 20), Actor);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            results[prefix] = (times.Order().ElementAt(times.Count / 2), page.Total);
        }
        return results;
    }

    private static async Task ImportAsync(string folder, int enrollments)
    {
        await using var app = await PortalAsync(folder, "import");
        await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(enrollments, 7, Actor);
        var path = await WriteEnrollmentsCsvAsync(app, folder, "(SELECT Key FROM Courses ORDER BY Id LIMIT 1)", enrollments);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var result = await app.Services.GetRequiredService<ImportService>().ImportAsync(ImportKind.Enrollments, path, "enrollments.csv", Actor);
        var again = await app.Services.GetRequiredService<ImportService>().ImportAsync(ImportKind.Enrollments, path, "enrollments.csv", Actor);
        Console.WriteLine($"import enrollments ({new FileInfo(path).Length / 1024 / 1024} MB): {result.Summary}; again: {again.Summary}; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB, managed heap before {memoryBefore / 1024 / 1024} MB, " +
            $"after {GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024} MB");
    }

    /// <summary>An enrollments CSV enrolling up to <paramref name="limit"/> learners not yet enrolled in the course the SQL picks.</summary>
    internal static async Task<string> WriteEnrollmentsCsvAsync(WebApplication app, string folder, string courseKeySql, int limit)
    {
        var path = Path.Combine(folder, $"enrollments-{Guid.NewGuid():N}.csv");
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync("username,course_key,mode,active,created");
        await using var connection = await app.Services.GetRequiredService<PortalDatabase>().OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT l.Username, c.Key FROM Learners l CROSS JOIN {courseKeySql} c
            WHERE NOT EXISTS (SELECT 1 FROM Enrollments e JOIN Courses k ON k.Id = e.CourseId WHERE e.LearnerId = l.Id AND k.Key = c.Key)
            LIMIT {limit}
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            await writer.WriteLineAsync($"{reader.GetString(0)},{reader.GetString(1)},audit,true,2026-01-15T10:00:00Z");
        }
        return path;
    }
}
