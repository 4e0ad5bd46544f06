using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

/// <param name="Learner">Username or email, from its start.</param>
/// <param name="Course">Part of the course key or name.</param>
public sealed record ResetHistoryFilter(CourseResetStatus? Status = null, string? Learner = null, string? Course = null, DateOnly? From = null, DateOnly? To = null);

public sealed record ResetHistoryRow(
    long Id, string Username, string Email, string CourseKey, string CourseName, string RequestedBy, string Reason, CourseResetStatus Status,
    DateTime CreatedUtc, DateTime? StartedUtc, DateTime? CompletedUtc, DateTime ModifiedUtc, string? Error, DateTime? EmailedUtc, string? EmailError,
    string? RequestedByName = null)
{
    /// <summary>The person by name and email; the system or an API key, which have no account, by their name.</summary>
    public string Requester => RequestedByName is { Length: > 0 } name ? $"{name} ({RequestedBy})" : RequestedBy;

    public bool CanMarkFailed => Status is CourseResetStatus.Enqueued or CourseResetStatus.InProgress;
}

/// <summary>Every reset, newest first, with filters (Support and Superuser); superusers mark a stuck one failed.</summary>
public sealed class CourseResetHistory(
    IDbContextFactory<PortalDbContext> contexts, ActorEmails actorEmails, TimeProvider clock, ILogger<CourseResetHistory> logger)
{
    public async Task<Page<ResetHistoryRow>> ListAsync(ResetHistoryFilter filter, PageRequest page, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ResetCourses);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var audits = db.CourseResetAudits.AsNoTracking();
        if (filter.Status is { } status)
        {
            audits = audits.Where(a => a.Status == status);
        }
        if (filter.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            audits = audits.Where(a => a.CreatedUtc >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var beforeUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            audits = audits.Where(a => a.CreatedUtc < beforeUtc);
        }
        var rows = from a in audits
                   join l in db.Learners on a.LearnerId equals l.Id
                   join c in db.Courses.IgnoreAutoIncludes().WhereKeyOrNameContains(filter.Course) on a.CourseId equals c.Id
                   select new { Audit = a, l.Username, l.Email, c.Key, c.DisplayName };
        if (!string.IsNullOrWhiteSpace(filter.Learner))
        {
            var prefix = LikePattern.StartingWith(filter.Learner.Trim());
            rows = rows.Where(r => EF.Functions.Like(r.Username, prefix, LikePattern.Escape) || EF.Functions.Like(r.Email, prefix, LikePattern.Escape));
        }
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(r => r.Audit.CreatedUtc).ThenByDescending(r => r.Audit.Id).Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(r => new ResetHistoryRow(r.Audit.Id, r.Username, r.Email, r.Key, r.DisplayName, r.Audit.RequestedBy, r.Audit.Reason, r.Audit.Status,
                r.Audit.CreatedUtc, r.Audit.StartedUtc, r.Audit.CompletedUtc, r.Audit.ModifiedUtc, r.Audit.Error, r.Audit.EmailedUtc, r.Audit.EmailError))
            .ToListAsync(cancellationToken);
        var requesters = items.Select(i => i.RequestedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => requesters.Contains(u.Email!))
            .Select(u => new { u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Email!, u => u.DisplayName, cancellationToken);
        return new Page<ResetHistoryRow>([.. items.Select(i => i with { RequestedByName = names.GetValueOrDefault(i.RequestedBy) })], total);
    }

    /// <summary>A reset stuck enqueued or in progress is marked failed, so support can try again; its data is left as it is.</summary>
    public async Task<ServiceResult<CourseResetStatus>> MarkFailedAsync(long id, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var by = await actorEmails.OfAsync(actor, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var audit = await db.CourseResetAudits.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (audit is null)
        {
            return new ServiceError(ErrorKind.NotFound, "id", "This reset no longer exists: reload the page.");
        }
        if (!audit.IsStuckCandidate)
        {
            return new ServiceError(ErrorKind.Conflict, "id", $"This reset's status is {StatusText(audit.Status)}: only an enqueued or in-progress reset can be marked failed.");
        }
        audit.Fail($"marked failed by {by}", clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ServiceError(ErrorKind.Conflict, "id", "This reset changed a moment ago (the job took it or finished it): reload the page.");
        }
        logger.LogWarning("{Actor} marked reset {AuditId} failed", by, id);
        return CourseResetStatus.Failed;
    }

    /// <summary>The status as the reset tab says it too (one vocabulary: <see cref="CourseResetRules.Word"/>).</summary>
    public static string StatusText(CourseResetStatus status) => CourseResetRules.Word(status);
}
