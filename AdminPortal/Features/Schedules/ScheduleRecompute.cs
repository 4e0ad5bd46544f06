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
        var start = ScheduleRules.ToSecond(course.StartUtc);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Database.ExecuteSqlInterpolatedAsync(db.Provider() switch
        {
            DatabaseProvider.PostgreSql => PostgreSql(courseId, days, start, course.VerifiedExpirationUtc, now),
            DatabaseProvider.SqlServer => SqlServer(courseId, days, start, course.VerifiedExpirationUtc, now),
            _ => Sqlite(courseId, days, start, course.VerifiedExpirationUtc, now),
        }, cancellationToken);
        logger.LogInformation("Course {CourseId} starts {Start}: {Count} schedule(s) recomputed", courseId, start, changed);
        return changed;
    }

    /// <summary>Times are text here: strftime truncates to the second, and text order is time order.</summary>
    private static FormattableString Sqlite(int courseId, int? days, DateTime startUtc, DateTime? expiresUtc, DateTime now)
    {
        var start = startUtc.ToString(Format, CultureInfo.InvariantCulture);
        var expires = expiresUtc?.ToString(Format, CultureInfo.InvariantCulture);
        return $"""
            UPDATE Schedules AS s SET
                StartUtc = x.NewStart,
                UpgradeDeadlineUtc = CASE WHEN {days} IS NULL THEN NULL
                    ELSE min(strftime('%Y-%m-%d %H:%M:%S', x.NewStart, '+' || {days} || ' days'), coalesce({expires}, '9999-12-31'))
                END,
                ModifiedUtc = {now}
            FROM (SELECT e.Id AS EnrollmentId, max(strftime('%Y-%m-%d %H:%M:%S', e.CreatedUtc), {start}) AS NewStart
                  FROM Enrollments e WHERE e.CourseId = {courseId}) AS x
            WHERE s.EnrollmentId = x.EnrollmentId AND s.CourseId = {courseId}
            """;
    }

    /// <summary>The casts type the parameters a NULL leaves untyped.</summary>
    private static FormattableString PostgreSql(int courseId, int? days, DateTime start, DateTime? expires, DateTime now) => $"""
        UPDATE "Schedules" AS s SET
            "StartUtc" = x."NewStart",
            "UpgradeDeadlineUtc" = CASE WHEN CAST({days} AS integer) IS NULL THEN NULL
                ELSE least(x."NewStart" + make_interval(days => CAST({days} AS integer)), coalesce(CAST({expires} AS timestamptz), 'infinity'))
            END,
            "ModifiedUtc" = {now}
        FROM (SELECT e."Id" AS "EnrollmentId", greatest(date_trunc('second', e."CreatedUtc"), {start}) AS "NewStart"
              FROM "Enrollments" e WHERE e."CourseId" = {courseId}) AS x
        WHERE s."EnrollmentId" = x."EnrollmentId" AND s."CourseId" = {courseId}
        """;

    /// <summary>DATETRUNC, LEAST and GREATEST need SQL Server 2022.</summary>
    internal static FormattableString SqlServer(int courseId, int? days, DateTime start, DateTime? expires, DateTime now) => $"""
        UPDATE s SET
            StartUtc = x.NewStart,
            UpgradeDeadlineUtc = CASE WHEN {days} IS NULL THEN NULL
                ELSE LEAST(DATEADD(day, {days}, x.NewStart), COALESCE({expires}, CAST('9999-12-31' AS datetime2)))
            END,
            ModifiedUtc = {now}
        FROM Schedules AS s
        JOIN (SELECT e.Id AS EnrollmentId, GREATEST(DATETRUNC(second, e.CreatedUtc), {start}) AS NewStart
              FROM Enrollments e WHERE e.CourseId = {courseId}) AS x ON s.EnrollmentId = x.EnrollmentId
        WHERE s.CourseId = {courseId}
        """;
}
