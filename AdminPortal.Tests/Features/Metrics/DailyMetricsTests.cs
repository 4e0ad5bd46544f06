using AdminPortal.Data;
using AdminPortal.Domain.Learning;
using AdminPortal.Domain.Metrics;
using AdminPortal.Features.Metrics;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Metrics;

/// <summary>Daily metrics on a small dataset whose every number is known, on real SQLite.</summary>
[RunsOnPostgreSql]
public sealed class DailyMetricsTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 6, 10);
    private static readonly DateTime Start = Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    private PortalServices portal = default!;
    private readonly Dictionary<string, int> courses = [];

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        var site = (await portal.Get<SiteService>().SetAsync(new SiteRequest("a.example.org", null, ["A"]), PortalServices.Admin)).Site.Id;
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Course Course(string key, DateTime start, int? siteId)
        {
            var course = new Course(CourseKey.Parse(key), key, start);
            course.Publish(siteId, true, "en");
            return db.Courses.Add(course).Entity;
        }
        var c1 = Course("course-v1:A+One+2026", Start.AddDays(-30), site);
        var c2 = Course("course-v1:A+Two+2026", Start.AddDays(-30), site);
        var c3 = Course("course-v1:B+Three+2026", Start.AddDays(-30), null);
        Course("course-v1:A+Later+2026", Start.AddDays(1), site);
        Learner Learner(string name, bool staff = false)
        {
            var learner = new Learner(name, $"{name}@example.org", name, Start.AddYears(-1));
            learner.SetStatus(true, staff, false);
            return db.Learners.Add(learner).Entity;
        }
        var (l1, l2, l3, l4) = (Learner("l1"), Learner("l2", staff: true), Learner("l3"), Learner("l4"));
        var root = Learner("root");
        root.SetStatus(true, false, superuser: true);
        await db.SaveChangesAsync();
        foreach (var c in new[] { c1, c2, c3 })
        {
            courses[c.Key] = c.Id;
        }
        Enrollment Enroll(Learner l, Course c, DateTime created, bool active = true)
        {
            var e = new Enrollment(l.Id, c.Id, "audit", created);
            if (!active)
            {
                e.Deactivate();
            }
            return db.Enrollments.Add(e).Entity;
        }
        Enroll(l1, c1, Start.AddDays(-5));
        Enroll(l2, c1, Start.AddDays(-5));
        Enroll(root, c1, Start.AddDays(-5));
        Enroll(l3, c1, Start.AddDays(-5), active: false);
        Enroll(l4, c1, Start.AddDays(1));
        Enroll(l1, c2, Start.AddDays(-1));
        Enroll(l3, c3, Start.AddDays(-1));
        void Touch(Learner l, Course c, DateTime at, bool completion = false)
        {
            if (completion)
            {
                var done = new BlockCompletion(l.Id, c.Id, $"b-{at.Ticks}");
                done.Record(1, at);
                db.BlockCompletions.Add(done);
            }
            else
            {
                var state = new BlockState(l.Id, c.Id, $"b-{at.Ticks}");
                state.Record(1, 1, 1, at);
                db.BlockStates.Add(state);
            }
        }
        Touch(l1, c1, Start.AddHours(10));
        Touch(l1, c1, Start.AddHours(11), completion: true);
        Touch(l3, c1, Start.AddDays(1).AddSeconds(-1), completion: true);
        Touch(l4, c1, Start.AddDays(-1));
        Touch(l1, c2, Start.AddHours(12));
        Touch(l3, c3, Start.AddDays(1));
        db.Certificates.Add(new Certificate(l1.Id, c1.Id, "downloadable", Start.AddDays(-2)));
        db.Certificates.Add(new Certificate(l3.Id, c1.Id, "notpassing", Start.AddDays(-2)));
        db.Certificates.Add(new Certificate(l4.Id, c1.Id, "downloadable", Start.AddDays(1)));
        void Grade(Learner l, Course c, double percent, DateTime modified)
        {
            var grade = new CourseGrade(l.Id, c.Id);
            grade.Record(percent, null, modified);
            db.CourseGrades.Add(grade);
        }
        Grade(l1, c1, 0.8, Start.AddDays(-1));
        Grade(l3, c1, 0.4, Start.AddDays(-1));
        Grade(l4, c1, 1.0, Start.AddDays(2));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private Task<IReadOnlyList<DayOutcome>> RunAsync() => portal.Get<DailyMetricsRunner>().RunAsync([Day], (_, _) => Task.CompletedTask, CancellationToken.None);

    private async Task<(List<CourseDailyMetric> Courses, List<SiteDailyMetric> Sites)> StoredAsync()
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return (await db.CourseDailyMetrics.AsNoTracking().OrderBy(m => m.CourseKey).ToListAsync(), await db.SiteDailyMetrics.AsNoTracking().OrderBy(m => m.Site).ToListAsync());
    }

    [Fact]
    public async Task EachNumberCountsWhatItSays()
    {
        await RunAsync();
        var (courseRows, siteRows) = await StoredAsync();

        Assert.Equal(["course-v1:A+One+2026", "course-v1:A+Two+2026", "course-v1:B+Three+2026"], courseRows.Select(c => c.CourseKey));
        var one = courseRows[0];
        Assert.Equal((1L, 2L, 1L, 0.6), (one.Enrollments, one.ActiveLearners, one.Completions, Math.Round(one.AverageProgress, 6)));
        Assert.Equal((1L, 1L, 0L), (courseRows[1].Enrollments, courseRows[1].ActiveLearners, courseRows[1].Completions));
        Assert.Equal((1L, 0L), (courseRows[2].Enrollments, courseRows[2].ActiveLearners));
        var (noSite, a) = (siteRows[0], siteRows[1]);
        Assert.Equal(("(no site)", "a.example.org"), (noSite.Site, a.Site));
        Assert.Equal((2L, 3L, 1L, 2L, 2L), (a.ActiveLearners, a.MonthlyActiveLearners, a.TotalLearners, a.Courses, a.Enrollments));
        Assert.Equal((0L, 1L, 1L, 1L), (noSite.ActiveLearners, noSite.TotalLearners, noSite.Courses, noSite.Enrollments));
    }

    [Fact]
    public async Task RunningADayAgainReplacesItsRows()
    {
        await RunAsync();
        await RunAsync();

        var (courseRows, siteRows) = await StoredAsync();
        Assert.Equal((3, 2), (courseRows.Count, siteRows.Count));
    }

    [Fact]
    public async Task ACourseThatFailsIsRecordedAndTheOthersStillComplete()
    {
        var two = courses["course-v1:A+Two+2026"];
        await using (var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            // On PostgreSQL the failure also aborts the transaction up to the course's savepoint, which SQLite does not.
            await db.Database.ExecuteSqlRawAsync(TestDatabase.IsPostgreSql
                ? $"""
                    CREATE FUNCTION fail_two() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql;
                    CREATE TRIGGER fail_two BEFORE INSERT ON "CourseDailyMetrics" FOR EACH ROW WHEN (NEW."CourseId" = {two}) EXECUTE FUNCTION fail_two();
                    """
                : $"CREATE TRIGGER fail_two BEFORE INSERT ON CourseDailyMetrics WHEN NEW.CourseId = {two} BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
        }

        var outcome = Assert.Single(await RunAsync());

        Assert.Equal(courses["course-v1:A+Two+2026"], Assert.Single(outcome.Errors).CourseId);
        Assert.Contains("injected failure", outcome.Errors[0].Error);
        var (courseRows, siteRows) = await StoredAsync();
        Assert.Equal(["course-v1:A+One+2026", "course-v1:B+Three+2026"], courseRows.Select(c => c.CourseKey));
        Assert.Equal(2, siteRows.Count);
    }

    [Fact]
    public async Task TheDashboardReadsTheStoredDaysAndExportsThemAsCsv()
    {
        await RunAsync();

        var dashboard = portal.Get<MetricsDashboard>();
        var view = await dashboard.ViewAsync("a.example.org", Day.AddDays(-3), Day, PortalServices.Admin);
        var courses = await dashboard.CoursesAsync(view, new PageRequest(0, 10), PortalServices.Admin);
        var secondPage = await dashboard.CoursesAsync(view, new PageRequest(1, 1), PortalServices.Admin);
        var csv = await dashboard.CsvAsync("a.example.org", Day.AddDays(-3), Day, PortalServices.Admin);

        Assert.Equal((Day, 2L), (view.Last!.Day, view.Last.ActiveLearners));
        Assert.Equal(["course-v1:A+One+2026", "course-v1:A+Two+2026"], courses.Items.Select(c => c.Last.CourseKey));
        Assert.Equal((2, "course-v1:A+Two+2026"), (secondPage.Total, Assert.Single(secondPage.Items).Last.CourseKey));
        Assert.Equal("no data", courses.Items[0].EnrollmentChange);
        Assert.StartsWith("day,site,active_learners,monthly_active_learners,total_learners,courses,enrollments\n2026-06-10,a.example.org,2,3,1,2,2\n", csv);
        Assert.Contains("2026-06-10,course-v1:A+One+2026,course-v1:A+One+2026,1,no data,2,1,0.6\n", csv);
    }
}
