using AdminPortal.Data;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.Schedules;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;
using AdminPortal.Features.Courses;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Import;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Schedules;

/// <summary>Schedules made for new enrollments, on real SQLite, with a hold-back draw the test controls.</summary>
[RunsOnPostgreSql]
public sealed class ScheduleCreationTests : IAsyncLifetime
{
    private const string SelfPaced = "course-v1:MITx+6.00x+2026_T1";
    private const string InstructorPaced = "course-v1:HarvardX+CS50+2026";
    private static readonly DateTime CourseStart = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
    private readonly Draws draws = new();
    private PortalServices portal = default!;
    private int siteId;

    private sealed class Draws : IRandomSource
    {
        public double Next { get; set; } = 0.5;

        public double NextDouble() => Next;
    }

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(services => services.AddSingleton<IRandomSource>(draws));
        siteId = (await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin)).Site.Id;
        await portal.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await portal.Get<ImportService>().ImportAsync(ImportKind.Sections, TestData.ImportFile("sections.csv"), "sections.csv", PortalServices.Admin);
        await portal.Get<ConfigStore>().SaveAsync(ConfigKind.GlobalDeadline, "", new GlobalDeadlineConfig(true, 21), 0, PortalServices.Admin);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private Task SiteConfigAsync(ScheduleConfig config, int basedOn = 0) =>
        portal.Get<ScheduleConfigService>().SaveAsync(siteId, config, basedOn, PortalServices.Admin);

    private async Task<EnrollmentOutcome> EnrollAsync(string username, string course = SelfPaced, DateTime? created = null)
    {
        var result = await portal.Get<EnrollmentService>().EnrollAsync(
            new EnrollmentEvent(username, $"{username}@example.org", null, course, "audit", created ?? new DateTime(2026, 2, 1, 10, 30, 15, 250, DateTimeKind.Utc)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!;
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    [Fact]
    public async Task ANewEnrollmentInASelfPacedCourseGetsItsSchedule()
    {
        await SiteConfigAsync(ScheduleConfig.Off with { CreateSchedules = true });

        var outcome = await EnrollAsync("ada");

        var expectedStart = new DateTime(2026, 2, 1, 10, 30, 15, DateTimeKind.Utc);
        Assert.Null(outcome.ScheduleSkippedReason);
        Assert.Equal(new EnrollmentSchedule(expectedStart, expectedStart.AddDays(21), ScheduleExperience.CourseUpdates), outcome.Schedule);
    }

    [Fact]
    public async Task AnEnrollmentBeforeTheCourseStartsStartsWithTheCourse()
    {
        await SiteConfigAsync(ScheduleConfig.Off with { CreateSchedules = true });

        var outcome = await EnrollAsync("early", created: CourseStart.AddDays(-30));

        Assert.Equal(CourseStart, outcome.Schedule!.Start);
    }

    [Fact]
    public async Task EachSkipReasonIsAnsweredAndRecorded()
    {
        var off = await EnrollAsync("off");
        await SiteConfigAsync(ScheduleConfig.Off with { CreateSchedules = true, HoldBackRatio = 0.3 });
        draws.Next = 0.29;
        var held = await EnrollAsync("held");
        var instructor = await EnrollAsync("instructor", InstructorPaced);
        draws.Next = 0.31;
        var kept = await EnrollAsync("kept");

        Assert.Equal(ScheduleSkipReason.CreationOff, off.ScheduleSkippedReason);
        Assert.Equal(ScheduleSkipReason.HeldBack, held.ScheduleSkippedReason);
        Assert.Equal(ScheduleSkipReason.NotSelfPaced, instructor.ScheduleSkippedReason);
        Assert.NotNull(kept.Schedule);
        var skips = await portal.Get<ScheduleBrowser>().SkipsAsync(PortalServices.Admin);
        Assert.Equal(1, skips[ScheduleSkipReason.HeldBack]);
        Assert.Equal(1, skips[ScheduleSkipReason.CreationOff]);
    }

    [Fact]
    public async Task TheSameEventTwiceGivesTheSameDecisionEvenWhenTheConfigChanged()
    {
        await SiteConfigAsync(ScheduleConfig.Off with { CreateSchedules = true, HoldBackRatio = 1 });
        draws.Next = 0.0;
        var first = await EnrollAsync("ada");
        await SiteConfigAsync(ScheduleConfig.Off with { CreateSchedules = true }, basedOn: 1);

        var second = await EnrollAsync("ada");

        Assert.Equal((ScheduleSkipReason.HeldBack, ScheduleSkipReason.HeldBack), (first.ScheduleSkippedReason, second.ScheduleSkippedReason));
        Assert.Equal(0, await QueryAsync(db => db.Schedules.CountAsync()));
    }

    [Fact]
    public async Task TheCourseOverrideCreatesSchedulesWhileTheSiteIsOff()
    {
        var courseId = await QueryAsync(db => db.Courses.Where(c => c.Key == SelfPaced).Select(c => c.Id).SingleAsync());
        await portal.Get<ScheduleConfigService>().SaveCourseOverrideAsync(courseId, true, 0, PortalServices.Admin);

        Assert.NotNull((await EnrollAsync("ada")).Schedule);
    }

    [Fact]
    public async Task ImportedEnrollmentsGetTheirSchedulesInTheSameTransaction()
    {
        await SiteConfigAsync(ScheduleConfig.Off with { CreateSchedules = true });
        await portal.Get<ImportService>().ImportAsync(ImportKind.Learners, TestData.ImportFile("learners.csv"), "learners.csv", PortalServices.Admin);

        var result = await portal.Get<ImportService>().ImportAsync(ImportKind.Enrollments, TestData.ImportFile("enrollments.csv"), "enrollments.csv", PortalServices.Admin);
        var again = await portal.Get<ImportService>().ImportAsync(ImportKind.Enrollments, TestData.ImportFile("enrollments.csv"), "enrollments.csv", PortalServices.Admin);

        Assert.EndsWith("; 2 schedules created, 1 enrollments without one (0 held back)", result.Summary);
        Assert.EndsWith("; 0 schedules created, 0 enrollments without one (0 held back)", again.Summary);
        Assert.Equal(2, await QueryAsync(db => db.Schedules.CountAsync()));
    }

    [Fact]
    public async Task MovingACourseStartMovesItsSchedulesAsTheRulesWould()
    {
        await SiteConfigAsync(ScheduleConfig.Off with { CreateSchedules = true });
        await EnrollAsync("before", created: new DateTime(2026, 1, 20, 8, 0, 0, DateTimeKind.Utc));
        await EnrollAsync("after", created: new DateTime(2026, 3, 20, 8, 0, 0, DateTimeKind.Utc));
        var newStart = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        var published = await portal.Get<CoursePublishService>().PublishAsync(SelfPaced,
            new CoursePublish("Introduction", "learn.example.org", newStart, null, true, "en",
                [new ModePublish("audit", null), new ModePublish("verified", new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc))], null));

        Assert.True(published.Succeeded);
        var schedules = await QueryAsync(db => db.Schedules.OrderBy(s => s.StartUtc).ToListAsync());
        Assert.Equal([newStart, new DateTime(2026, 3, 20, 8, 0, 0, DateTimeKind.Utc)], schedules.Select(s => s.StartUtc));
        Assert.Equal(new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc), schedules[0].UpgradeDeadlineUtc);
        await AssertSchedulesMatchTheRulesAsync();
    }

    [Fact]
    public async Task AnImportThatMovesACourseStartMovesItsSchedules()
    {
        await SiteConfigAsync(ScheduleConfig.Off with { CreateSchedules = true });
        await EnrollAsync("ada", created: new DateTime(2026, 1, 20, 8, 0, 0, DateTimeKind.Utc));
        var path = Path.Combine(Path.GetTempPath(), $"courses-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, File.ReadAllLines(TestData.ImportFile("courses.csv")).Select(l => l.Replace(",2026-01-05,", ",2026-02-15T09:00:00Z,")));

        var result = await portal.Get<ImportService>().ImportAsync(ImportKind.Courses, path, "courses.csv", PortalServices.Admin);

        Assert.EndsWith("1 schedules moved with their course's start", result.Summary);
        Assert.Equal(new DateTime(2026, 2, 15, 9, 0, 0), await QueryAsync(db => db.Schedules.Select(s => s.StartUtc).SingleAsync()));
        await AssertSchedulesMatchTheRulesAsync();
    }

    /// <summary>The set-based recompute and the domain's rules agree on every schedule.</summary>
    private async Task AssertSchedulesMatchTheRulesAsync()
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var facts = await ScheduleFacts.LoadAsync(db, portal.Get<ConfigStore>(), null, CancellationToken.None);
        var rows = await (from s in db.Schedules join e in db.Enrollments on s.EnrollmentId equals e.Id select new { s, e.CreatedUtc }).ToListAsync();
        Assert.All(rows, row =>
        {
            var plan = ScheduleRules.Plan(facts.For(row.s.CourseId).Course, row.CreatedUtc);
            Assert.Equal((plan.StartUtc, plan.UpgradeDeadlineUtc), (row.s.StartUtc, row.s.UpgradeDeadlineUtc));
        });
    }
}
