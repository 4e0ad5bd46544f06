using AdminPortal.Data;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Support;

/// <summary>
/// Learners and courses for the course reset tests, written straight to the database: courses running, ended, not
/// started, not opted in and switched off; ada enrolled in each, bob in the running and second courses, cy's enrollment inactive.
/// </summary>
public static class CourseResetWorld
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    public const string Running = "course-v1:MITx+Run+2026";
    public const string RunningName = "Running course";
    public const string Ended = "course-v1:MITx+Ended+2026";
    public const string Future = "course-v1:MITx+Future+2026";
    public const string NotOptedIn = "course-v1:MITx+Other+2026";
    public const string SwitchedOff = "course-v1:MITx+Off+2026";
    public const string Second = "course-v1:MITx+Second+2026";

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var start = Now.UtcDateTime.AddMonths(-2);
        var courses = new[]
        {
            Course(Running, RunningName, start, null),
            Course(Ended, "Ended course", start.AddMonths(-6), start),
            Course(Future, "Future course", Now.UtcDateTime.AddDays(10), null),
            Course(NotOptedIn, "Not opted in", start, null),
            Course(SwitchedOff, "Switched off", start, null),
            Course(Second, "Second course", start, null),
        };
        db.Courses.AddRange(courses);
        var learners = new[] { "ada", "bob", "cy" }.Select(name => new Learner(name, $"{name}@example.org", $"{char.ToUpperInvariant(name[0])}{name[1..]} Learner", start)).ToArray();
        db.Learners.AddRange(learners);
        await db.SaveChangesAsync();
        foreach (var course in courses)
        {
            db.Enrollments.Add(new Enrollment(learners[0].Id, course.Id, "audit", start));
            if (course.Key != NotOptedIn)
            {
                var optIn = new CourseResetOptIn(course.Id, "test", start);
                optIn.SetActive(course.Key != SwitchedOff, start);
                db.CourseResetOptIns.Add(optIn);
            }
        }
        db.Enrollments.Add(new Enrollment(learners[1].Id, courses[0].Id, "audit", start));
        db.Enrollments.Add(new Enrollment(learners[1].Id, courses[5].Id, "audit", start));
        var inactive = new Enrollment(learners[2].Id, courses[0].Id, "audit", start);
        inactive.Deactivate();
        db.Enrollments.Add(inactive);
        await db.SaveChangesAsync();
    }

    /// <summary>Block state, block completion and a grade of the learner in the course.</summary>
    public static async Task AddProgressAsync(IServiceProvider services, string username, string courseKey, int blocks, bool passing = false)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var learnerId = await db.Learners.Where(l => l.Username == username).Select(l => l.Id).SingleAsync();
        var courseId = await db.Courses.Where(c => c.Key == courseKey).Select(c => c.Id).SingleAsync();
        var at = Now.UtcDateTime.AddDays(-1);
        for (var i = 0; i < blocks; i++)
        {
            var state = new BlockState(learnerId, courseId, $"block-{i}");
            state.Record(1, 0.5, 1, at);
            db.BlockStates.Add(state);
            var completion = new BlockCompletion(learnerId, courseId, $"block-{i}");
            completion.Record(1, at);
            db.BlockCompletions.Add(completion);
        }
        var grade = new CourseGrade(learnerId, courseId);
        grade.Record(passing ? 0.9 : 0.3, passing ? at : null, at);
        db.CourseGrades.Add(grade);
        await db.SaveChangesAsync();
    }

    /// <summary>(block states, grades, completions) of the learner in the course.</summary>
    public static async Task<(int States, int Grades, int Completions)> ProgressAsync(IServiceProvider services, string username, string courseKey)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var learnerId = await db.Learners.Where(l => l.Username == username).Select(l => l.Id).SingleAsync();
        var courseId = await db.Courses.Where(c => c.Key == courseKey).Select(c => c.Id).SingleAsync();
        return (await db.BlockStates.CountAsync(b => b.LearnerId == learnerId && b.CourseId == courseId),
            await db.CourseGrades.CountAsync(g => g.LearnerId == learnerId && g.CourseId == courseId),
            await db.BlockCompletions.CountAsync(b => b.LearnerId == learnerId && b.CourseId == courseId));
    }

    public static async Task<List<CourseResetAudit>> AuditsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.CourseResetAudits.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    private static Course Course(string key, string name, DateTime startUtc, DateTime? endUtc)
    {
        var course = new Course(CourseKey.Parse(key), name, startUtc);
        course.Reschedule(startUtc, endUtc);
        return course;
    }
}
