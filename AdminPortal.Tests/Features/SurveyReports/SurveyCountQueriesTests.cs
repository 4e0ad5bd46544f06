using AdminPortal.Data;
using AdminPortal.Domain.Learning;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.SurveyReports;

/// <summary>Each count on real SQLite, at its boundary.</summary>
[RunsOnPostgreSql]
public sealed class SurveyCountQueriesTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);
    private PortalServices portal = default!;

    public async Task InitializeAsync() => portal = await PortalServices.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private Task<SurveyCounts> CountAsync() => portal.Get<SurveyCountQueries>().CountAsync(Now, (_, _) => Task.CompletedTask, CancellationToken.None);

    private async Task<T> WriteAsync<T>(Func<PortalDbContext, T> add)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var added = add(db);
        await db.SaveChangesAsync();
        return added;
    }

    private Task<Course> CourseAsync(string number, DateTime start, DateTime? end = null) => WriteAsync(db =>
    {
        var course = new Course(CourseKey.Parse($"course-v1:MITx+{number}+2026"), number, start);
        course.Reschedule(start, end);
        return db.Courses.Add(course).Entity;
    });

    private Task<Learner[]> LearnersAsync(string prefix, int count, bool active = true, bool staff = false, bool superuser = false, DateTime? lastLogin = null) =>
        WriteAsync(db => Enumerable.Range(0, count).Select(i =>
        {
            var learner = new Learner($"{prefix}{i}", $"{prefix}{i}@example.org", $"{prefix} {i}", Now.AddYears(-1));
            learner.SetStatus(active, staff, superuser);
            learner.SetActivity(Now.AddYears(-1), lastLogin, "en");
            return db.Learners.Add(learner).Entity;
        }).ToArray());

    private Task EnrollAsync(IEnumerable<Learner> learners, Course course, bool active = true) => WriteAsync(db =>
    {
        foreach (var learner in learners)
        {
            var enrollment = new Enrollment(learner.Id, course.Id, "audit", Now.AddDays(-10));
            if (!active)
            {
                enrollment.Deactivate();
            }
            db.Enrollments.Add(enrollment);
        }
        return 0;
    });

    [Fact]
    public async Task ACourseIsOfferedWithMoreThanFiveEnrollmentsCountingInactiveOnesWhileItRuns()
    {
        var learners = await LearnersAsync("l", 6);
        var six = await CourseAsync("Six", Now.AddDays(-1));
        var five = await CourseAsync("Five", Now.AddDays(-1));
        var sixWithInactive = await CourseAsync("SixInactive", Now.AddDays(-1), Now.AddDays(1));
        var ended = await CourseAsync("Ended", Now.AddDays(-30), Now);
        var future = await CourseAsync("Future", Now.AddSeconds(1));
        await EnrollAsync(learners, six);
        await EnrollAsync(learners[..5], five);
        await EnrollAsync(learners[..3], sixWithInactive);
        await EnrollAsync(learners[3..], sixWithInactive, active: false);
        await EnrollAsync(learners, ended);
        await EnrollAsync(learners, future);

        Assert.Equal(2, (await CountAsync()).CoursesOffered);
    }

    [Fact]
    public async Task ActiveLearnersLoggedInWithinFourWeeksExactlyFourWeeksAgoIncluded()
    {
        await LearnersAsync("exactly", 1, lastLogin: Now.AddDays(-28));
        await LearnersAsync("justbefore", 1, lastLogin: Now.AddDays(-28).AddSeconds(-1));
        await LearnersAsync("recent", 2, lastLogin: Now.AddHours(-1));
        await LearnersAsync("inactive-recent", 1, active: false, lastLogin: Now.AddHours(-1));
        await LearnersAsync("never", 1);

        var counts = await CountAsync();

        Assert.Equal(4, counts.ActiveLearners);
        Assert.Equal(5, counts.RegisteredLearners);
    }

    [Fact]
    public async Task EnrollmentsAreActiveOnesOfLearnersWhoAreNotStaffOrSuperusers()
    {
        var course = await CourseAsync("Run", Now.AddDays(-1));
        await EnrollAsync(await LearnersAsync("learner", 3), course);
        await EnrollAsync(await LearnersAsync("gone", 2), course, active: false);
        await EnrollAsync(await LearnersAsync("staff", 2, staff: true), course);
        await EnrollAsync(await LearnersAsync("root", 1, superuser: true), course);
        await EnrollAsync(await LearnersAsync("inactive-learner", 1, active: false), course);

        Assert.Equal(4, (await CountAsync()).Enrollments);
    }

    [Fact]
    public async Task PassingLearnersAreCountedOnceWhateverTheirCourses()
    {
        var (a, b) = (await CourseAsync("A", Now.AddDays(-9)), await CourseAsync("B", Now.AddDays(-9)));
        var learners = await LearnersAsync("p", 3);
        await WriteAsync(db =>
        {
            foreach (var (learner, course, passed) in new[] { (learners[0], a, true), (learners[0], b, true), (learners[1], a, true), (learners[2], a, false) })
            {
                var grade = new CourseGrade(learner.Id, course.Id);
                grade.Record(passed ? 0.9 : 0.2, passed ? Now.AddDays(-1) : null, Now.AddDays(-1));
                db.CourseGrades.Add(grade);
            }
            return 0;
        });

        Assert.Equal(2, (await CountAsync()).LearnersWithPassingGrade);
    }

    [Fact]
    public async Task AnEmptyPlatformCountsZeroes() => Assert.Equal(new SurveyCounts(0, 0, 0, 0, 0), await CountAsync());

    [Fact]
    public void TheFiveStatementsAreReadFromTheFileTheReadmeTimes() =>
        Assert.Equal(["courses offered", "learners active in the last 4 weeks", "registered learners",
            "active enrollments of learners who are not LMS staff", "learners with a passing grade"], SurveyCountQueries.Statements.Select(s => s.Name));
}
