using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Configuration;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Schedules;

/// <summary>
/// After a course's start moves, every schedule of the course gets the start and deadline
/// <see cref="ScheduleRules.Plan"/> gives: one set-based statement, however many schedules there are. The course's
/// deadline decision comes from the domain; the statement applies it (the later of enrollment and course start, plus
/// the days, clipped by the verified expiration) to every row, and a test checks it against the domain row by row.
/// </summary>
public sealed class ScheduleRecompute(ConfigStore configs, TimeProvider clock, ILogger<ScheduleRecompute> logger)
{
    private const string Format = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Runs on <paramref name="db"/>, in its transaction when it has one: the course's new start may not be committed yet.</summary>
    public async Task<int> ForCourseAsync(PortalDbContext db, int courseId, CancellationToken cancellationToken)
    {
        var facts = await ScheduleFacts.LoadAsync(db, configs, [courseId], cancellationToken);
        var (course, _) = facts.For(courseId);
        int? days = course.HasVerifiedMode ? course.Deadline.Days : null;
        var start = ScheduleRules.ToSecond(course.StartUtc).ToString(Format, CultureInfo.InvariantCulture);
        var expires = course.VerifiedExpirationUtc?.ToString(Format, CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE Schedules AS s SET
                StartUtc = x.NewStart,
                UpgradeDeadlineUtc = CASE WHEN {days} IS NULL THEN NULL
                    ELSE min(strftime('%Y-%m-%d %H:%M:%S', x.NewStart, '+' || {days} || ' days'), coalesce({expires}, '9999-12-31'))
                END,
                ModifiedUtc = {now}
            FROM (SELECT e.Id AS EnrollmentId, max(strftime('%Y-%m-%d %H:%M:%S', e.CreatedUtc), {start}) AS NewStart
                  FROM Enrollments e WHERE e.CourseId = {courseId}) AS x
            WHERE s.EnrollmentId = x.EnrollmentId AND s.CourseId = {courseId}
            """, cancellationToken);
        logger.LogInformation("Course {CourseId} starts {Start}: {Count} schedule(s) recomputed", courseId, start, changed);
        return changed;
    }
}
