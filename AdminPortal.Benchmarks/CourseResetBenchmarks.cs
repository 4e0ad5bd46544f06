using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.CourseReset;
using AdminPortal.Features.DemoData;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;
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
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var target = await (
            from e in db.Enrollments
            join l in db.Learners on e.LearnerId equals l.Id
            join c in db.Courses on e.CourseId equals c.Id
            where e.IsActive && c.StartUtc <= now && (c.EndUtc == null || c.EndUtc > now)
                && db.CourseResetOptIns.Any(o => o.CourseId == c.Id && o.IsActive)
                && !db.CourseGrades.Any(g => g.LearnerId == l.Id && g.CourseId == c.Id && g.PassedAtUtc != null)
            select new { LearnerId = l.Id, l.Username, CourseId = c.Id, CourseKey = c.Key })
            .FirstOrDefaultAsync() ?? throw new InvalidOperationException("The demo data has no learner in an opted-in running course.");
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= blocks; i++)
        {
            var state = new BlockState(target.LearnerId, target.CourseId, $"bench-block-{i}");
            state.Record(1, 0.5, 1, at);
            var completion = new BlockCompletion(target.LearnerId, target.CourseId, $"bench-block-{i}");
            completion.Record(1, at);
            db.AddRange(state, completion);
        }
        await db.SaveChangesAsync();
        return (target.Username, target.CourseKey);
    }

    private static async Task<List<int>> LearnerIdsAsync(IServiceProvider services, int count)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Learners.OrderBy(l => l.Id).Select(l => l.Id).Take(count).ToListAsync();
    }
}
