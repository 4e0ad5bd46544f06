using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

public sealed record OptInRow(int Id, int CourseId, string CourseKey, string CourseName, bool IsActive, string CreatedBy, DateTime CreatedUtc, DateTime ModifiedUtc);

/// <summary>Which courses support may reset: superusers add a course once, then switch it on and off.</summary>
public sealed class CourseResetOptInService(
    IDbContextFactory<PortalDbContext> contexts, ActorEmails actorEmails, TimeProvider clock, ILogger<CourseResetOptInService> logger)
{
    /// <summary>A page of the opted-in courses whose key or name contains <paramref name="search"/>, by course key.</summary>
    public async Task<Page<OptInRow>> SearchAsync(string? search, PageRequest page, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = Rows(db, db.CourseResetOptIns, search);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken);
        return new Page<OptInRow>(items, total);
    }

    public async Task<ServiceResult<OptInRow>> AddAsync(string? courseKey, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        if (string.IsNullOrWhiteSpace(courseKey))
        {
            return new ServiceError(ErrorKind.Invalid, "course", "Enter a course key such as course-v1:MITx+6.00x+2026_T1.");
        }
        if (!CourseKey.TryParse(courseKey.Trim(), out var key, out var error))
        {
            return new ServiceError(ErrorKind.Invalid, "course", $"'{courseKey.Trim()}' is not a course key: {error}");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var text = key.ToString();
        var courseId = await db.Courses.Where(c => c.Key == text).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (courseId is null)
        {
            return new ServiceError(ErrorKind.NotFound, "course", $"No course has the key {text}: import or publish it first.");
        }
        if (await db.CourseResetOptIns.AnyAsync(o => o.CourseId == courseId, cancellationToken))
        {
            return new ServiceError(ErrorKind.Conflict, "course", $"{text} is already opted in; switch it on or off in the list.");
        }
        var optIn = new CourseResetOptIn(courseId.Value, await actorEmails.OfAsync(actor, cancellationToken), clock.GetUtcNow().UtcDateTime);
        db.CourseResetOptIns.Add(optIn);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return new ServiceError(ErrorKind.Conflict, "course", $"{text} was opted in a moment ago by someone else; reload the list.");
        }
        logger.LogInformation("{Actor} opted course {Course} in to course reset", optIn.CreatedBy, text);
        return await Rows(db, db.CourseResetOptIns.Where(o => o.Id == optIn.Id)).SingleAsync(cancellationToken);
    }

    public async Task<ServiceResult<OptInRow>> SetActiveAsync(int id, bool active, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var optIn = await db.CourseResetOptIns.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (optIn is null)
        {
            return new ServiceError(ErrorKind.NotFound, "id", "This opt-in no longer exists: reload the page.");
        }
        if (optIn.SetActive(active, clock.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} {Change} course reset for course {CourseId}", actor.Name, active ? "activated" : "deactivated", optIn.CourseId);
        }
        return await Rows(db, db.CourseResetOptIns.Where(o => o.Id == id)).SingleAsync(cancellationToken);
    }

    /// <summary>Opt-ins with their course, by course key; <paramref name="search"/> narrows to a key or name that contains it.</summary>
    private static IQueryable<OptInRow> Rows(PortalDbContext db, IQueryable<CourseResetOptIn> optIns, string? search = null)
    {
        var joined = from o in optIns.AsNoTracking()
                     join c in db.Courses.IgnoreAutoIncludes().WhereKeyOrNameContains(search) on o.CourseId equals c.Id
                     select new { OptIn = o, Course = c };
        return joined.OrderBy(j => j.Course.Key).Select(j => new OptInRow(j.OptIn.Id, j.Course.Id, j.Course.Key, j.Course.DisplayName,
            j.OptIn.IsActive, j.OptIn.CreatedBy, j.OptIn.CreatedUtc, j.OptIn.ModifiedUtc));
    }
}
