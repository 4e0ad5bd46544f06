using AdminPortal.Data;
using AdminPortal.Domain.CourseReset;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

/// <summary>One of a learner's enrollments with what decides whether its course can be reset.</summary>
/// <remarks>Init properties, not a constructor: EF filters and sorts on what an initializer projects.</remarks>
public sealed record EnrollmentResetFacts
{
    public required int EnrollmentId { get; init; }
    public required int CourseId { get; init; }
    public required string CourseKey { get; init; }
    public required string CourseName { get; init; }
    public required bool IsActive { get; init; }
    public required bool IsOptedIn { get; init; }
    public required ResetFacts Facts { get; init; }
}

/// <summary>
/// The reset facts of a learner's enrollments, in one query: the reset tab's rows, the check before a reset is asked for,
/// and the job's check again inside its transaction all read this.
/// </summary>
public static class ResetFactsQuery
{
    public static IQueryable<EnrollmentResetFacts> Of(PortalDbContext db, int learnerId) =>
        from e in db.Enrollments
        join c in db.Courses.IgnoreAutoIncludes() on e.CourseId equals c.Id
        where e.LearnerId == learnerId
        select new EnrollmentResetFacts
        {
            EnrollmentId = e.Id,
            CourseId = c.Id,
            CourseKey = c.Key,
            CourseName = c.DisplayName,
            IsActive = e.IsActive,
            IsOptedIn = db.CourseResetOptIns.Any(o => o.CourseId == c.Id && o.IsActive),
            Facts = new ResetFacts(c.StartUtc, c.EndUtc, db.CourseGrades.Any(g => g.LearnerId == learnerId && g.CourseId == c.Id && g.PassedAtUtc != null)),
        };

    /// <summary>The facts of one enrollment, or null when the learner has none in that course.</summary>
    public static Task<EnrollmentResetFacts?> OneAsync(PortalDbContext db, int learnerId, int courseId, CancellationToken cancellationToken) =>
        Of(db, learnerId).Where(f => f.CourseId == courseId).SingleOrDefaultAsync(cancellationToken);
}
