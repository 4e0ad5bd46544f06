using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.CourseReset;
using AdminPortal.Features.DemoData;
using AdminPortal.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Benchmarks;

/// <summary>The course reset issue's budgets: resetting a learner with 20,000 block-state rows, and the live status of 100 open tabs.</summary>
internal static class CourseResetBenchmarks
{
    public static async Task ResetAsync(string folder, int blocks)
    {
        await using var app = await BenchmarkRunner.PortalAsync(folder, "course-reset");
        var seeded = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(50_000, 42, BenchmarkRunner.Actor);
        Console.WriteLine($"seed-demo for course reset: {seeded}");
        var (username, courseKey) = await AddProgressAsync(app.Services, blocks);

        var resets = app.Services.GetRequiredService<CourseResetService>();
        var lookup = Stopwatch.StartNew();
        var rows = await resets.FindAsync(username, BenchmarkRunner.Actor);
        var lookupMs = lookup.Elapsed.TotalMilliseconds;
        var asked = await resets.ResetAsync(username, new ResetRequest(courseKey, "benchmark"), BenchmarkRunner.Actor);
        if (!asked.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", asked.Errors));
        }
        var job = app.Services.GetRequiredService<JobCatalog>().Find(CourseResetJob.Name)!;
        var watch = Stopwatch.StartNew();
        var run = await app.Services.GetRequiredService<JobRunner>().RunAsync(job, JobStart.Cli, CancellationToken.None);
        var resetMs = watch.Elapsed.TotalMilliseconds;
        if (run.Status != JobRunStatus.Succeeded)
        {
            throw new InvalidOperationException($"The reset failed: {run.Error}");
        }
        Console.WriteLine($"course reset of {username} in {courseKey} ({rows.Rows.Count} resettable course(s), found in {lookupMs:0} ms): " +
            $"{run.LogLines[0].Message} Job run with the email: {resetMs:0} ms (budget 2,000 ms), among {seeded.ProgressRows:N0} demo progress rows");

        var watcher = app.Services.GetRequiredService<CourseResetWatcher>();
        var learnerIds = await LearnerIdsAsync(app.Services, 100);
        var tabs = learnerIds.Select(id => watcher.Watch(id, _ => Task.CompletedTask)).ToList();
        var polls = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var poll = Stopwatch.StartNew();
            await watcher.PollAsync(CancellationToken.None);
            polls.Add(poll.Elapsed.TotalMilliseconds);
        }
        tabs.ForEach(t => t.Dispose());
        Console.WriteLine($"live status of 100 open reset tabs (100 learners): one query per round, median round {polls.Order().ElementAt(polls.Count / 2):0.0} ms (every 1 s)");
    }

    /// <summary>A learner of an opted-in running course, given <paramref name="blocks"/> block states and completions there.</summary>
    private static async Task<(string Username, string CourseKey)> AddProgressAsync(IServiceProvider services, int blocks)
    {
        await using var connection = await services.GetRequiredService<PortalDatabase>().OpenConnectionAsync(CancellationToken.None);
        await using var pick = connection.CreateCommand();
        pick.CommandText = """
            SELECT l.Id, l.Username, c.Id, c.Key FROM Enrollments e
            JOIN Learners l ON l.Id = e.LearnerId JOIN Courses c ON c.Id = e.CourseId
            JOIN CourseResetOptIns o ON o.CourseId = c.Id AND o.IsActive
            WHERE e.IsActive AND c.StartUtc <= datetime('now') AND (c.EndUtc IS NULL OR c.EndUtc > datetime('now'))
              AND NOT EXISTS (SELECT 1 FROM CourseGrades g WHERE g.LearnerId = l.Id AND g.CourseId = c.Id AND g.PassedAtUtc IS NOT NULL)
            LIMIT 1
            """;
        await using var reader = await pick.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("The demo data has no learner in an opted-in running course.");
        }
        var (learnerId, username, courseId, courseKey) = (reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3));
        await reader.CloseAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {blocks})
            INSERT OR IGNORE INTO BlockStates (LearnerId, CourseId, BlockKey, Attempts, Score, MaxScore, ModifiedUtc)
            SELECT {learnerId}, {courseId}, 'bench-block-' || i, 1, 0.5, 1, '2026-01-01 00:00:00' FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {blocks})
            INSERT OR IGNORE INTO BlockCompletions (LearnerId, CourseId, BlockKey, Completion, ModifiedUtc)
            SELECT {learnerId}, {courseId}, 'bench-block-' || i, 1, '2026-01-01 00:00:00' FROM n;
            """;
        await insert.ExecuteNonQueryAsync();
        return (username, courseKey);
    }

    private static async Task<List<int>> LearnerIdsAsync(IServiceProvider services, int count)
    {
        await using var connection = await services.GetRequiredService<PortalDatabase>().OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id FROM Learners ORDER BY Id LIMIT {count}";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<int>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }
}
