using System.Diagnostics;
using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Domain.SurveyReports;
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
        var database = app.Services.GetRequiredService<PortalDatabase>();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await CompareWithPsqlAsync(database, Median(times), seeded);
            return;
        }
        var file = database.FilePath!;
        var now = SqliteTimes.Text(DateTime.UtcNow);
        var since = SqliteTimes.Text(DateTime.UtcNow.AddDays(-28));
        // Where the portal's time goes beside the shell's, each measured the same number of times in this one run: the five
        // statements through Microsoft.Data.Sqlite with the portal's connection set-up and without it, then the shell without
        // and with the same pragmas.
        var (withSetup, plain, shell, shellWithSetup) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var run = 0; run < Runs; run++)
        {
            withSetup.Add(await StatementsAsync(database, now, since, SqliteConnectionSetup.Pragmas));
            plain.Add(await StatementsAsync(database, now, since, pragmas: null));
            shell.Add(await SqliteShellAsync(file, now, since, pragmas: null));
            shellWithSetup.Add(await SqliteShellAsync(file, now, since, SqliteConnectionSetup.Pragmas));
        }
        var (portal, sqlite) = (Median(times), Median(shell));
        Console.WriteLine($"survey report over {seeded.Learners:N0} learners and {seeded.Enrollments:N0} enrollments: generation (five counts, payload, " +
            $"saves) median of {Runs} {portal:0} ms (budget 5,000 ms); the five statements in the sqlite3 shell {sqlite:0} ms: {portal / sqlite:0.00}x (budget 1.5x)");
        Console.WriteLine($"  where it goes: the five statements through Microsoft.Data.Sqlite {Median(withSetup):0} ms with the portal's pragmas, " +
            $"{Median(plain):0} ms without; the shell {sqlite:0} ms without them, {Median(shellWithSetup):0} ms with them; the rest of generation " +
            $"(claim, payload, saves, progress) {portal - Median(withSetup):0} ms. SQLite {await VersionAsync(database)} in the portal, " +
            $"{(await RunShellAsync(["--version"])).Split(' ')[0]} in the shell");
    }

    /// <summary>The same five statements run by psql on the same database, each measured as often as the generation.</summary>
    private static async Task CompareWithPsqlAsync(PortalDatabase database, double portal, DemoDataResult seeded)
    {
        var now = DateTime.UtcNow;
        var psql = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            psql.Add(await PsqlAsync(database.ConnectionString, now, SurveyRules.ActiveSince(now)));
        }
        Console.WriteLine($"survey report on PostgreSQL over {seeded.Learners:N0} learners and {seeded.Enrollments:N0} enrollments: generation (five counts, " +
            $"payload, saves) median of {Runs} {portal:0} ms (budget 5,000 ms); the five statements in psql {Median(psql):0} ms: {portal / Median(psql):0.00}x (budget 1.5x)");
    }

    /// <summary>Wall time of psql running SurveyCounts.PostgreSql.sql on the database, as that file's header shows.</summary>
    private static async Task<double> PsqlAsync(string connectionString, DateTime now, DateTime activeSince)
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-X", "-q", "-t", "-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username!, "-d", server.Database!,
            "-v", $"now='{now:yyyy-MM-dd HH:mm:ss}+00'", "-v", $"active_since='{activeSince:yyyy-MM-dd HH:mm:ss}+00'",
            "-f", Path.GetFullPath("AdminPortal/Features/SurveyReports/SurveyCounts.PostgreSql.sql"),
        })
        {
            start.ArgumentList.Add(argument);
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("psql could not start: apt-get install postgresql-client");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql failed: {await process.StandardError.ReadToEndAsync()}");
        }
        Console.WriteLine($"  psql: {output.ReplaceLineEndings(" ").Trim()} in {elapsed:0} ms");
        return elapsed;
    }

    /// <summary>The five statements on a connection of their own, optionally set up as the portal sets its connections up.</summary>
    private static async Task<double> StatementsAsync(PortalDatabase database, string now, string since, string? pragmas)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        if (pragmas is not null)
        {
            await using var setup = connection.CreateCommand();
            setup.CommandText = pragmas;
            await setup.ExecuteNonQueryAsync();
        }
        foreach (var (_, sql) in SurveyCountQueries.Statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$active_since", since);
            await command.ExecuteScalarAsync();
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<string> VersionAsync(PortalDatabase database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Wall time of the sqlite3 shell running SurveyCounts.sql on the same file, as the README shows.</summary>
    private static async Task<double> SqliteShellAsync(string database, string now, string since, string? pragmas)
    {
        // The file the portal embeds, at its place in the repository (scripts/bench.sh runs from the top).
        var script = Path.GetFullPath("AdminPortal/Features/SurveyReports/SurveyCounts.sql");
        List<string> arguments = [database, $".parameter set $now \"'{now}'\"", $".parameter set $active_since \"'{since}'\""];
        if (pragmas is not null)
        {
            // Of the pragmas only mmap_size prints something: its value, first in the output below.
            arguments.AddRange(pragmas.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        arguments.Add($".read {script}");
        var watch = Stopwatch.StartNew();
        var output = await RunShellAsync(arguments);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"  sqlite3{(pragmas is null ? "" : " with the portal's pragmas")}: {output.ReplaceLineEndings(" ").Trim()} in {elapsed:0} ms");
        return elapsed;
    }

    private static async Task<string> RunShellAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sqlite3 could not start: apt-get install sqlite3");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"sqlite3 failed: {await process.StandardError.ReadToEndAsync()}");
    }
}
