using AdminPortal.Data;
using AdminPortal.Domain;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Messaging.Emails;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

/// <summary>
/// Carries out the enqueued resets, oldest first: each is marked in progress, then the learner's block state, grade
/// and block completion in that course are deleted and the reset marked complete in one transaction (all or nothing),
/// then the learner is emailed (a failed email is recorded, the reset stands). A reset that fails before its commit is
/// marked failed and the learner's data is as it was.
/// </summary>
public sealed class CourseResetJob(
    IDbContextFactory<PortalDbContext> contexts, IEmailChannel channel, EmailRenderer renderer, TimeProvider clock, ILogger<CourseResetJob> logger) : IPortalJob
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
            audit.Start(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DomainException or DbUpdateConcurrencyException)
        {
            // A superuser marked it failed a moment ago: it is not this run's any more.
            return new Outcome("skipped", $"Reset {auditId} was no longer enqueued; left as it is.");
        }
        var learner = await db.Learners.Where(l => l.Id == audit.LearnerId).Select(l => new { l.Email, l.Name, l.Username }).SingleAsync(cancellationToken);
        var course = await db.Courses.IgnoreAutoIncludes().Where(c => c.Id == audit.CourseId).Select(c => new { c.Key, c.DisplayName }).SingleAsync(cancellationToken);
        int deleted;
        try
        {
            deleted = await DeleteProgressAsync(db, audit, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Reset {AuditId} of {Course} for learner {LearnerId} failed; nothing was deleted", auditId, course.Key, audit.LearnerId);
            await MarkFailedAsync(auditId, e is DbUpdateConcurrencyException ? "marked failed while it ran; nothing was deleted" : e.Message);
            return new Outcome("failed", $"Reset {auditId} of {course.Key} for {learner.Username} failed, nothing deleted: {e.Message}");
        }
        await EmailAsync(auditId, learner.Email, string.IsNullOrWhiteSpace(learner.Name) ? learner.Username : learner.Name, course.Key, course.DisplayName, cancellationToken);
        return new Outcome("completed", $"Reset {auditId}: {course.Key} for {learner.Username}, {deleted} progress row(s) deleted.");
    }

    /// <summary>The deletions and "complete" commit together; the status check makes a reset marked failed meanwhile roll back.</summary>
    private async Task<int> DeleteProgressAsync(PortalDbContext db, CourseResetAudit audit, CancellationToken cancellationToken)
    {
        var (learnerId, courseId) = (audit.LearnerId, audit.CourseId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.BlockStates.Where(b => b.LearnerId == learnerId && b.CourseId == courseId).ExecuteDeleteAsync(cancellationToken);
        deleted += await db.CourseGrades.Where(g => g.LearnerId == learnerId && g.CourseId == courseId).ExecuteDeleteAsync(cancellationToken);
        deleted += await db.BlockCompletions.Where(b => b.LearnerId == learnerId && b.CourseId == courseId).ExecuteDeleteAsync(cancellationToken);
        audit.Complete(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    // Recorded whatever the token says: the reset's outcome must not be lost with a stopping portal.
    private async Task MarkFailedAsync(long auditId, string error)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var audit = await db.CourseResetAudits.SingleAsync(a => a.Id == auditId);
        if (audit.IsStuckCandidate)
        {
            audit.Fail(error, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private async Task EmailAsync(long auditId, string email, string learnerName, string courseKey, string courseName, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            var notice = CourseResetNotice.For(renderer.Options, learnerName, courseKey, courseName);
            await channel.SendAsync(await notice.RenderAsync(renderer, email), cancellationToken);
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
