using AdminPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Learners;

public sealed record LearnerDetail(LearnerRow Learner, bool IsSuperuser, string? Language, IReadOnlyList<LearnerCourse> Courses);

/// <summary>One enrollment with the learner's progress in that course.</summary>
public sealed record LearnerCourse(
    int CourseId,
    string CourseKey,
    string CourseName,
    string Mode,
    bool IsActive,
    DateTime EnrolledUtc,
    double? GradePercent,
    DateTime? PassedAtUtc,
    int BlocksAttempted,
    int BlocksCompleted,
    string? CertificateStatus);

public sealed partial class LearnerBrowser
{
    public async Task<LearnerDetail?> DetailAsync(int id, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var learner = await db.Learners.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (learner is null)
        {
            return null;
        }
        var enrollments = await (
            from e in db.Enrollments
            join c in db.Courses on e.CourseId equals c.Id
            where e.LearnerId == id
            orderby e.CreatedUtc descending
            select new { e.CourseId, c.Key, c.DisplayName, e.Mode, e.IsActive, e.CreatedUtc }).ToListAsync(cancellationToken);
        var grades = await db.CourseGrades.Where(g => g.LearnerId == id).ToDictionaryAsync(g => g.CourseId, cancellationToken);
        var attempted = await db.BlockStates.Where(b => b.LearnerId == id && b.Attempts > 0).GroupBy(b => b.CourseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var completed = await db.BlockCompletions.Where(b => b.LearnerId == id && b.Completion >= 1).GroupBy(b => b.CourseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var certificates = await db.Certificates.Where(c => c.LearnerId == id).ToDictionaryAsync(c => c.CourseId, c => c.Status, cancellationToken);
        var courses = enrollments.Select(e => new LearnerCourse(
            e.CourseId, e.Key, e.DisplayName, e.Mode, e.IsActive, e.CreatedUtc,
            grades.GetValueOrDefault(e.CourseId)?.Percent, grades.GetValueOrDefault(e.CourseId)?.PassedAtUtc,
            attempted.GetValueOrDefault(e.CourseId), completed.GetValueOrDefault(e.CourseId), certificates.GetValueOrDefault(e.CourseId))).ToList();
        var row = new LearnerRow(learner.Id, learner.Username, learner.Email, learner.Name, learner.IsActive, learner.IsStaff,
            learner.JoinedUtc, learner.LastLoginUtc);
        return new LearnerDetail(row, learner.IsSuperuser, learner.Language, courses);
    }
}
