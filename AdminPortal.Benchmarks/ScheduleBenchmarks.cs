using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Import;
using AdminPortal.Features.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Benchmarks;

/// <summary>The schedules issue's budgets: recomputing a 100,000-enrollment course, and the Schedules page at 2,000,000 schedules.</summary>
internal static class ScheduleBenchmarks
{
    private const int Runs = 9;

    /// <summary>A self-paced verified course grown to <paramref name="enrollments"/> enrollments by CSV import, then its start moved.</summary>
    public static async Task RecomputeAsync(string folder, int enrollments)
    {
        await using var app = await BenchmarkRunner.PortalAsync(folder, "recompute");
        await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(enrollments, 11, BenchmarkRunner.Actor);
        const string course = """
            (SELECT c.Key FROM Courses c JOIN Sites s ON s.Id = c.SiteId
             WHERE c.SelfPaced AND c.Org = 'MITx' AND EXISTS (SELECT 1 FROM CourseModes m WHERE m.CourseId = c.Id AND m.Slug = 'verified')
             ORDER BY c.Id LIMIT 1)
            """;
        var path = await BenchmarkRunner.WriteEnrollmentsCsvAsync(app, folder, course, enrollments);
        var imported = await app.Services.GetRequiredService<ImportService>().ImportAsync(ImportKind.Enrollments, path, "enrollments.csv", BenchmarkRunner.Actor);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var courseId = await db.Schedules.GroupBy(s => s.CourseId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var enrolled = await db.Enrollments.CountAsync(e => e.CourseId == courseId);

        var watch = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Courses.Where(c => c.Id == courseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.StartUtc, c => c.StartUtc.AddDays(14)));
            var changed = await app.Services.GetRequiredService<ScheduleRecompute>().ForCourseAsync(db, courseId, CancellationToken.None);
            await transaction.CommitAsync();
            Console.WriteLine($"recompute after a course start change: {changed:N0} schedules of a course with {enrolled:N0} enrollments " +
                $"in {watch.Elapsed.TotalSeconds:0.00} s (budget 10 s); the import before it: {imported.Summary}");
        }
    }

    /// <summary>The Schedules page's queries, median of several runs each, on a portal with at least <paramref name="schedules"/> schedules.</summary>
    public static async Task BrowseAsync(string folder, int schedules)
    {
        await using var app = await BenchmarkRunner.PortalAsync(folder, "schedules");
        // The demo gives about 1.4 schedules per learner (two or so enrollments each, self-paced courses only).
        var seeded = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync((int)(schedules / 1.35), 42, BenchmarkRunner.Actor);
        Console.WriteLine($"seed-demo for the Schedules page: {seeded}");
        var browser = app.Services.GetRequiredService<ScheduleBrowser>();
        var bulk = Stopwatch.StartNew();
        var deactivated = await browser.ApplyAsync(new ScheduleFilter(Course: "PHY103x"), ScheduleBulkAction.Deactivate, BenchmarkRunner.Actor);
        Console.WriteLine($"bulk deactivate one course's schedules: {deactivated:N0} in {bulk.Elapsed.TotalMilliseconds:0} ms");
        var total = (await browser.SearchAsync(new ScheduleFilter(), new PageRequest(0, 25), BenchmarkRunner.Actor)).Total;
        var cases = new (string Name, ScheduleFilter Filter, PageRequest Page)[]
        {
            ("first page, newest start first", new ScheduleFilter(), new PageRequest(0, 25)),
            ("page 1,000", new ScheduleFilter(), new PageRequest(25_000, 25)),
            ("last page", new ScheduleFilter(), new PageRequest(total - 25, 25)),
            ("sorted by upgrade deadline", new ScheduleFilter(), new PageRequest(0, 25, nameof(ScheduleRow.UpgradeDeadlineUtc), true)),
            ("one course (by key)", new ScheduleFilter(Course: "PHY103x"), new PageRequest(0, 25)),
            ("experience Course Updates", new ScheduleFilter(Experience: ScheduleExperience.CourseUpdates), new PageRequest(0, 25)),
            ("inactive only (one course deactivated)", new ScheduleFilter(Active: false), new PageRequest(0, 25)),
            ("inactive only, sorted by upgrade deadline", new ScheduleFilter(Active: false), new PageRequest(0, 25, nameof(ScheduleRow.UpgradeDeadlineUtc), true)),
            ("one course, inactive, Course Updates", new ScheduleFilter("PHY103x", ScheduleExperience.CourseUpdates, false), new PageRequest(0, 25)),
            ("start before course start (none)", new ScheduleFilter(StartBeforeCourseStart: true), new PageRequest(0, 25)),
        };
        await MeasureAsync(browser, total, cases);
        // A start moved straight in the database leaves one course's schedules starting before it: the error case the filter finds.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Courses.Where(c => c.Key.Contains("PHY103x")).ExecuteUpdateAsync(u => u.SetProperty(c => c.StartUtc, c => c.StartUtc.AddDays(400)));
        }
        await MeasureAsync(browser, total, [("start before course start (one course moved)", new ScheduleFilter(StartBeforeCourseStart: true), new PageRequest(0, 25))]);
    }

    private static async Task MeasureAsync(ScheduleBrowser browser, int total, IEnumerable<(string Name, ScheduleFilter Filter, PageRequest Page)> cases)
    {
        foreach (var (name, filter, page) in cases)
        {
            var matches = (await browser.SearchAsync(filter, page, BenchmarkRunner.Actor)).Total;
            var times = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                var watch = Stopwatch.StartNew();
                await browser.SearchAsync(filter, page, BenchmarkRunner.Actor);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"schedules page at {total:N0} schedules, {name}: median {times.Order().ElementAt(Runs / 2):0} ms ({matches:N0} matches)");
        }
    }
}
