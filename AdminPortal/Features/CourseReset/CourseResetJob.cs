using AdminPortal.Data;
using AdminPortal.Domain;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Email;
using AdminPortal.Hosting.Processes;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.CourseReset;

/// <summary>
/// Carries out the enqueued resets, oldest first: each is marked in progress, then the learner's block state, grade
/// and block completion in that course are deleted and the reset marked complete in one transaction (all or nothing),
/// then the learner is emailed (a failed email is recorded, the reset stands). A reset that fails before its commit is
/// marked failed and the learner's data is as it was.
/// </summary>
public sealed class CourseResetJob(
    IDbContextFactory<PortalDbContext> contexts, IEmailChannel channel, EmailTemplates templates, IOptions<EmailOptions> emailOptions, ThisProcess process, TimeProvider clock,
    UntilDatabaseReturns untilBack, ILogger<CourseResetJob> logger) : IPortalJob
{
    public const string Name = "course-reset";

    public async Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var failed = 0;
        while (await NextAsync(cancellationToken) is { } auditId)
        {
            var outcome = await ResetAsync(auditId, cancellationToken);
            run.Log(outcome.Line);
            run.Count(outcome.Counter);
            failed += outcome.Counter == "failed" ? 1 : 0;
        }
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} reset(s) failed; each one's reason is on the reset history page.");
        }
    }

    private sealed record Outcome(string Counter, string Line);

    private async Task<long?> NextAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CourseResetAudits.Where(a => a.Status == CourseResetStatus.Enqueued)
            .OrderBy(a => a.CreatedUtc).ThenBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<Outcome> ResetAsync(long auditId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var audit = await db.CourseResetAudits.SingleAsync(a => a.Id == auditId, cancellationToken);
        try
        {
            audit.Start(clock.GetUtcNow().UtcDateTime, await process.OwnerIdAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DomainException or DbUpdateConcurrencyException)
        {
            // A superuser marked it failed a moment ago: it is not this run's any more.
            return new Outcome("skipped", $"Reset {auditId} was no longer enqueued; left as it is.");
        }
        var (target, deleted, error) = await DeleteProgressAsync(db, audit, cancellationToken);
        if (error is not null)
        {
            logger.LogError(error, "Reset {AuditId} of course {CourseId} for learner {LearnerId} failed; nothing was deleted", auditId, audit.CourseId, audit.LearnerId);
            await MarkFailedAsync(auditId, error is DbUpdateConcurrencyException ? "marked failed while it ran; nothing was deleted" : DatabaseErrors.Reason(error));
            return new Outcome("failed", $"Reset {auditId} of {target?.CourseKey ?? $"course {audit.CourseId}"} for {target?.Username ?? $"learner {audit.LearnerId}"} " +
                $"failed, nothing deleted: {error.Message}");
        }
        await EmailAsync(auditId, target!, cancellationToken);
        return new Outcome("completed", $"Reset {auditId}: {target!.CourseKey} for {target.Username}, {deleted} progress row(s) deleted.");
    }

    private sealed record ResetTarget(string Username, string Email, string LearnerName, string CourseKey, string CourseName);

    /// <summary>
    /// The deletions and "complete" commit together. Eligibility is checked again inside the transaction (the learner may
    /// have passed, or the course ended, since the reset was asked for), and the status check on saving makes a reset
    /// marked failed meanwhile roll back.
    /// </summary>
    private async Task<(ResetTarget? Target, int Deleted, Exception? Error)> DeleteProgressAsync(
        PortalDbContext db, CourseResetAudit audit, CancellationToken cancellationToken)
    {
        var (learnerId, courseId) = (audit.LearnerId, audit.CourseId);
        ResetTarget? target = null;
        try
        {
            target = await (from l in db.Learners
                            from c in db.Courses.IgnoreAutoIncludes()
                            where l.Id == learnerId && c.Id == courseId
                            select new ResetTarget(l.Username, l.Email, l.Name == "" ? l.Username : l.Name, c.Key, c.DisplayName)).SingleAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await EnsureStillEligibleAsync(db, learnerId, courseId, cancellationToken);
            var deleted = await db.BlockStates.Where(b => b.LearnerId == learnerId && b.CourseId == courseId).ExecuteDeleteAsync(cancellationToken);
            deleted += await db.CourseGrades.Where(g => g.LearnerId == learnerId && g.CourseId == courseId).ExecuteDeleteAsync(cancellationToken);
            deleted += await db.BlockCompletions.Where(b => b.LearnerId == learnerId && b.CourseId == courseId).ExecuteDeleteAsync(cancellationToken);
            audit.Complete(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (target, deleted, null);
        }
        catch (Exception e)
        {
            // Not committed: the transaction rolled back with its disposal, so the learner's data is as it was.
            return (target, 0, e);
        }
    }

    private async Task EnsureStillEligibleAsync(PortalDbContext db, int learnerId, int courseId, CancellationToken cancellationToken)
    {
        var enrollment = await ResetFactsQuery.OneAsync(db, learnerId, courseId, cancellationToken);
        var eligibility = enrollment is null ? null : CourseResetRules.Evaluate(enrollment.Facts, null, clock.GetUtcNow().UtcDateTime);
        var reason = enrollment is not { IsActive: true } ? "the learner is no longer enrolled"
            : !enrollment.IsOptedIn ? "the course is no longer opted in"
            : eligibility!.CanReset ? null : eligibility.Status;
        if (reason is not null)
        {
            throw new InvalidOperationException($"No longer eligible since it was asked for: {reason}.");
        }
    }

    // Recorded whatever the token says: the reset's outcome must not be lost with a stopping portal.
    private Task MarkFailedAsync(long auditId, string error) => untilBack.WriteAsync($"the failure of course reset {auditId}", async () =>
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var audit = await db.CourseResetAudits.SingleAsync(a => a.Id == auditId);
        if (audit.IsStuckCandidate)
        {
            audit.Fail(error, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    });

    private async Task EmailAsync(long auditId, ResetTarget target, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            var notice = CourseResetNotice.For(emailOptions.Value, target.LearnerName, target.CourseKey, target.CourseName);
            var outcome = await channel.SendAsync(await notice.RenderAsync(templates, target.Email), cancellationToken);
            if (outcome.Status != SendStatus.Sent)
            {
                logger.LogError("Reset {AuditId} is complete but its email to the learner could not be sent: {Error}", auditId, outcome.Error);
                error = outcome.Error;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Reset {AuditId} is complete but its email to the learner could not be sent", auditId);
            error = e.Message;
        }
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var audit = await db.CourseResetAudits.SingleAsync(a => a.Id == auditId, CancellationToken.None);
        audit.RecordEmail(error, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
