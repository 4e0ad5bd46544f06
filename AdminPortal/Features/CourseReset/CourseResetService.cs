using FluentValidation;
using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.Accounts;
using AdminPortal.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

/// <summary>
/// The reset tab and the support API: a learner's resettable courses with their status, and asking for a reset, which
/// records an audit and hands it to <see cref="CourseResetJob"/>. Every rule is checked here, on the server.
/// </summary>
public sealed class CourseResetService(
    IDbContextFactory<PortalDbContext> contexts,
    IValidator<ResetRequest> validator,
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
        return new ResetLookup(query, learner, learner is null ? [] : await RowsAsync(db, learner.Id, null, cancellationToken));
    }

    public async Task<ServiceResult<ResetRow>> ResetAsync(string? usernameOrEmail, ResetRequest request, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ResetCourses);
        var validation = await validator.ValidateAsync(request, cancellationToken);
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
        var courseKey = CourseKey.Parse(request.CourseId!).ToString();
        var optedIn = await db.CourseResetOptIns.AnyAsync(o => o.IsActive && db.Courses.Any(c => c.Id == o.CourseId && c.Key == courseKey), cancellationToken);
        if (!optedIn)
        {
            return new ServiceError(ErrorKind.NotFound, "course_id", NotEligible);
        }
        var row = (await RowsAsync(db, learner.Id, courseKey, cancellationToken)).SingleOrDefault();
        if (row is null)
        {
            return new ServiceError(ErrorKind.NotFound, "course_id", NotEnrolled);
        }
        if (!row.CanReset)
        {
            return CannotReset(row);
        }
        var requestedBy = await actorEmails.OfAsync(actor, cancellationToken);
        var enrollmentId = await db.Enrollments.Where(e => e.LearnerId == learner.Id && e.CourseId == row.CourseId).Select(e => e.Id).SingleAsync(cancellationToken);
        var audit = new CourseResetAudit(learner.Id, row.CourseId, enrollmentId, requestedBy, request.Comment!, clock.GetUtcNow().UtcDateTime);
        db.CourseResetAudits.Add(audit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 })
        {
            // Another agent's reset of the same learner and course got in first: report it as the row now stands.
            db.ChangeTracker.Clear();
            return CannotReset((await RowsAsync(db, learner.Id, courseKey, cancellationToken)).Single());
        }
        logger.LogInformation("{RequestedBy} asked to reset {Course} for learner {LearnerId} (audit {AuditId})", requestedBy, courseKey, learner.Id, audit.Id);
        await StartJobAsync(requestedBy, audit.Id);
        return row.With(audit, clock.GetUtcNow().UtcDateTime);
    }

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

    private async Task<IReadOnlyList<ResetRow>> RowsAsync(PortalDbContext db, int learnerId, string? courseKey, CancellationToken cancellationToken)
    {
        var courses = from e in db.Enrollments
                      join c in db.Courses.IgnoreAutoIncludes() on e.CourseId equals c.Id
                      where e.LearnerId == learnerId && e.IsActive && db.CourseResetOptIns.Any(o => o.CourseId == c.Id && o.IsActive)
                      select new
                      {
                          c.Id,
                          c.Key,
                          c.DisplayName,
                          c.StartUtc,
                          c.EndUtc,
                          Passing = db.CourseGrades.Any(g => g.LearnerId == learnerId && g.CourseId == c.Id && g.PassedAtUtc != null),
                      };
        if (courseKey is not null)
        {
            courses = courses.Where(c => c.Key == courseKey);
        }
        var found = await courses.OrderBy(c => c.Key).ToListAsync(cancellationToken);
        var latest = await LatestAuditsAsync(db, [learnerId], cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return found.Select(c =>
        {
            var facts = new ResetFacts(c.StartUtc, c.EndUtc, c.Passing);
            var audit = latest.GetValueOrDefault((learnerId, c.Id));
            return new ResetRow(c.Id, c.Key, c.DisplayName, facts, audit, CourseResetRules.Evaluate(facts, audit, now));
        }).ToList();
    }
}
