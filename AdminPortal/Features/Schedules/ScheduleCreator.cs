using AdminPortal.Data;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Configuration;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Schedules;

/// <summary>An enrollment's schedule, or why it has none.</summary>
public sealed record ScheduleOutcome(Schedule? Schedule, ScheduleSkipReason? Skipped);

/// <summary>
/// Gives one enrollment (from the enrollment API) its schedule decision, once: a later call returns the decision already
/// made, so the same event twice gets the same answer. A failure is logged and recorded, never thrown: the enrollment
/// stands whatever happens here.
/// </summary>
public sealed class ScheduleCreator(
    IDbContextFactory<PortalDbContext> contexts,
    ConfigStore configs,
    IRandomSource random,
    TimeProvider clock,
    ILogger<ScheduleCreator> logger)
{
    public async Task<ScheduleOutcome> DecideAsync(int enrollmentId, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await ExistingAsync(db, enrollmentId, cancellationToken) is { } existing)
            {
                return existing;
            }
            var enrollment = await db.Enrollments.AsNoTracking().SingleAsync(e => e.Id == enrollmentId, cancellationToken);
            var facts = await ScheduleFacts.LoadAsync(db, configs, [enrollment.CourseId], cancellationToken);
            var (course, site) = facts.For(enrollment.CourseId);
            var decision = ScheduleRules.Decide(site, course, enrollment.CreatedUtc, random);
            var now = clock.GetUtcNow().UtcDateTime;
            if (decision.Plan is { } plan)
            {
                var schedule = new Schedule(enrollment.Id, enrollment.LearnerId, enrollment.CourseId, plan, now);
                db.Schedules.Add(schedule);
                await db.SaveChangesAsync(cancellationToken);
                return new ScheduleOutcome(schedule, null);
            }
            db.ScheduleSkips.Add(new ScheduleSkip(enrollment.Id, enrollment.CourseId, decision.Skipped!.Value, now));
            await db.SaveChangesAsync(cancellationToken);
            return new ScheduleOutcome(null, decision.Skipped);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "No schedule for enrollment {EnrollmentId}: schedule creation failed", enrollmentId);
            await RecordErrorAsync(enrollmentId);
            return new ScheduleOutcome(null, ScheduleSkipReason.Error);
        }
    }

    private static async Task<ScheduleOutcome?> ExistingAsync(PortalDbContext db, int enrollmentId, CancellationToken cancellationToken)
    {
        var schedule = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.EnrollmentId == enrollmentId, cancellationToken);
        if (schedule is not null)
        {
            return new ScheduleOutcome(schedule, null);
        }
        var skip = await db.ScheduleSkips.AsNoTracking().SingleOrDefaultAsync(s => s.EnrollmentId == enrollmentId, cancellationToken);
        // An error is not final: the next event for the enrollment tries again.
        return skip is null || skip.Reason == ScheduleSkipReason.Error ? null : new ScheduleOutcome(null, skip.Reason);
    }

    private async Task RecordErrorAsync(int enrollmentId)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            var courseId = await db.Enrollments.Where(e => e.Id == enrollmentId).Select(e => e.CourseId).SingleAsync();
            await db.ScheduleSkips.Where(s => s.EnrollmentId == enrollmentId).ExecuteDeleteAsync();
            db.ScheduleSkips.Add(new ScheduleSkip(enrollmentId, courseId, ScheduleSkipReason.Error, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record the schedule failure of enrollment {EnrollmentId}", enrollmentId);
        }
    }
}
