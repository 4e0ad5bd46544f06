using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Schedules;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;
using AdminPortal.Features.Schedules;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.UpgradeDeadlines;

/// <summary>What the explainer panel shows for one course and one enrollment date.</summary>
public sealed record DeadlineExplanation(
    int CourseId,
    string CourseKey,
    string CourseName,
    DeadlineLevel Level,
    string Decider,
    int? Days,
    bool OptedOut,
    bool HasVerifiedMode,
    DateTime? VerifiedExpirationUtc,
    DateTime EnrolledUtc,
    DateTime ScheduleStartUtc,
    DateTime? DeadlineUtc,
    string Sentence);

/// <summary>Explains a course's upgrade deadline with the same rules schedule creation and the jobs use.</summary>
public sealed class DeadlineExplainer(IDbContextFactory<PortalDbContext> contexts, ConfigStore configs)
{
    /// <summary>The explanation for a course named by its key; null when no course has it.</summary>
    public async Task<DeadlineExplanation?> ExplainAsync(string courseKey, DateTime enrolledUtc, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courseId = await db.Courses.IgnoreAutoIncludes().Where(c => c.Key == courseKey.Trim()).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        return courseId is null ? null : await ExplainAsync(courseId.Value, enrolledUtc, actor, cancellationToken);
    }

    public async Task<DeadlineExplanation?> ExplainAsync(int courseId, DateTime enrolledUtc, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null)
        {
            return null;
        }
        var (facts, _) = (await ScheduleFacts.LoadAsync(db, configs, [courseId], cancellationToken)).For(courseId);
        var plan = ScheduleRules.Plan(facts, enrolledUtc);
        var deadline = UpgradeDeadlinePolicy.DeadlineFor(facts.Deadline, plan.StartUtc, facts.HasVerifiedMode, facts.VerifiedExpirationUtc);
        return new DeadlineExplanation(course.Id, course.Key, course.DisplayName, facts.Deadline.Level, facts.Deadline.Decider, facts.Deadline.Days, facts.Deadline.OptedOut,
            facts.HasVerifiedMode, facts.VerifiedExpirationUtc, enrolledUtc, plan.StartUtc, deadline.DeadlineUtc, deadline.Explanation);
    }
}
