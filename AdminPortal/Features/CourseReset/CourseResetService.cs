using FluentValidation;
using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.Accounts;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

/// <summary>
/// The reset tab and the support API: a learner's resettable courses with their status, and asking for a reset, which
/// records an audit and hands it to <see cref="CourseResetJob"/>. Every rule is checked here, on the server.
/// </summary>
public sealed class CourseResetService(
    IDbContextFactory<PortalDbContext> contexts,
    IValidator<ResetRequest> requestValidator,
    IValidator<ResetOrder> orderValidator,
    ActorEmails actorEmails,
    JobTriggers triggers,
    TimeProvider clock,
    ILogger<CourseResetService> logger)
{
    public const string UnknownLearner = "User does not exist";
    public const string NotEligible = "Course is not eligible";
    public const string NotEnrolled = "Learner is not enrolled in course";

    /// <summary>The learner with that exact username or email, and a row per active enrollment in an active opt-in: three queries.</summary>
    public async Task<ResetLookup> FindAsync(string? usernameOrEmail, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ResetCourses);
        var query = usernameOrEmail?.Trim() ?? "";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var learner = await FindLearnerAsync(db, query, cancellationToken);
        if (learner is null)
        {
            return new ResetLookup(query, null, []);
        }
        var enrollments = await ResetFactsQuery.Of(db, learner.Id).Where(f => f.IsActive && f.IsOptedIn).OrderBy(f => f.CourseKey).ToListAsync(cancellationToken);
        var latest = await LatestAuditsAsync(db, [learner.Id], cancellationToken);
        return new ResetLookup(query, learner, enrollments.Select(f => RowOf(f, latest.GetValueOrDefault((learner.Id, f.CourseId)))).ToList());
    }

    /// <summary>The reset tab's reset, of the learner and course it shows: the facts, the latest reset, then the new one.</summary>
    public async Task<ServiceResult<ResetRow>> ResetAsync(ResetOrder order, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ResetCourses);
        var checks = new ValidationContext<ResetOrder>(order);
        var validation = await orderValidator.ValidateAsync(checks, cancellationToken);
        if (!validation.IsValid)
        {
            return ServiceResult<ResetRow>.Fail(validation.ToApiErrors());
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ResetAsync(db, order.LearnerId, order.CourseId, checks.Parsed<ResetOrder, string>(nameof(ResetOrder.Reason)), actor, cancellationToken);
    }

    /// <summary>The support API's reset (as Open edX's): the learner by username or email, the course by its key.</summary>
    public async Task<ServiceResult<ResetRow>> ResetAsync(string? usernameOrEmail, ResetRequest request, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ResetCourses);
        var checks = new ValidationContext<ResetRequest>(request);
        var validation = await requestValidator.ValidateAsync(checks, cancellationToken);
        if (!validation.IsValid)
        {
            return ServiceResult<ResetRow>.Fail(validation.ToApiErrors());
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var learner = await FindLearnerAsync(db, usernameOrEmail?.Trim() ?? "", cancellationToken);
        if (learner is null)
        {
            return new ServiceError(ErrorKind.NotFound, "user", UnknownLearner);
        }
        var courseKey = checks.Parsed<ResetRequest, CourseKey>(nameof(ResetRequest.CourseId)).ToString();
        var courseId = await db.Courses.Where(c => c.Key == courseKey).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        return courseId is null
            ? new ServiceError(ErrorKind.NotFound, "course_id", NotEligible)
            : await ResetAsync(db, learner.Id, courseId.Value, checks.Parsed<ResetRequest, string>(nameof(ResetRequest.Comment)), actor, cancellationToken);
    }

    private async Task<ServiceResult<ResetRow>> ResetAsync(
        PortalDbContext db, int learnerId, int courseId, string reason, PortalActor actor, CancellationToken cancellationToken)
    {
        var enrollment = await ResetFactsQuery.OneAsync(db, learnerId, courseId, cancellationToken);
        if (enrollment is not { IsOptedIn: true })
        {
            var optedIn = enrollment is null && await db.CourseResetOptIns.AnyAsync(o => o.CourseId == courseId && o.IsActive, cancellationToken);
            return new ServiceError(ErrorKind.NotFound, "course_id", optedIn ? NotEnrolled : NotEligible);
        }
        if (!enrollment.IsActive)
        {
            return new ServiceError(ErrorKind.NotFound, "course_id", NotEnrolled);
        }
        var row = RowOf(enrollment, (await LatestAuditsAsync(db, [learnerId], cancellationToken)).GetValueOrDefault((learnerId, courseId)));
        if (!row.CanReset)
        {
            return CannotReset(row);
        }
        var requestedBy = await actorEmails.OfAsync(actor, cancellationToken);
        var audit = new CourseResetAudit(learnerId, courseId, enrollment.EnrollmentId, requestedBy, reason, clock.GetUtcNow().UtcDateTime);
        db.CourseResetAudits.Add(audit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Another agent's reset of the same learner and course got in first: report it as the row now stands.
            db.ChangeTracker.Clear();
            return CannotReset(RowOf(enrollment, (await LatestAuditsAsync(db, [learnerId], cancellationToken))[(learnerId, courseId)]));
        }
        logger.LogInformation("{RequestedBy} asked to reset {Course} for learner {LearnerId} (audit {AuditId})", requestedBy, enrollment.CourseKey, learnerId, audit.Id);
        await StartJobAsync(requestedBy, audit.Id);
        return row.With(audit, clock.GetUtcNow().UtcDateTime);
    }

    private ResetRow RowOf(EnrollmentResetFacts enrollment, CourseResetAudit? latest) =>
        new(enrollment.CourseId, enrollment.CourseKey, enrollment.CourseName, enrollment.Facts, latest,
            CourseResetRules.Evaluate(enrollment.Facts, latest, clock.GetUtcNow().UtcDateTime));

    /// <summary>The latest reset of each of these courses for the learner, as the live status needs it: one query.</summary>
    public static async Task<Dictionary<(int LearnerId, int CourseId), CourseResetAudit>> LatestAuditsAsync(
        PortalDbContext db, IReadOnlyCollection<int> learnerIds, CancellationToken cancellationToken)
    {
        var audits = await db.CourseResetAudits.AsNoTracking().Where(a => learnerIds.Contains(a.LearnerId)).ToListAsync(cancellationToken);
        return audits.GroupBy(a => (a.LearnerId, a.CourseId)).ToDictionary(g => g.Key, g => CourseResetRules.Latest(g)!);
    }

    private static ServiceError CannotReset(ResetRow row) => new(ErrorKind.Invalid, "course_id", $"Cannot reset course: {row.Status}");

    // The job also runs hourly and at start, so a reset whose trigger could not be stored still runs.
    private async Task StartJobAsync(string requestedBy, long auditId)
    {
        try
        {
            if (!await triggers.RunNowAsync(CourseResetJob.Name, requestedBy, CancellationToken.None))
            {
                logger.LogInformation("Reset {AuditId} waits for the web server: this process does not run jobs", auditId);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not start the course reset job for audit {AuditId}; it runs at the next hourly run", auditId);
        }
    }

    /// <summary>
    /// The learner with that username, else the one with that email: a username may look like another learner's email,
    /// and the exact username always wins, so the page (which resets by username) resets the learner it shows.
    /// </summary>
    private static Task<ResetLearner?> FindLearnerAsync(PortalDbContext db, string query, CancellationToken cancellationToken) =>
        query.Length == 0
            ? Task.FromResult<ResetLearner?>(null)
            : db.Learners.AsNoTracking().Where(l => l.Username == query || l.Email == query).OrderBy(l => l.Username == query ? 0 : 1)
                .Select(l => new ResetLearner(l.Id, l.Username, l.Email, l.Name)).FirstOrDefaultAsync(cancellationToken);
}
