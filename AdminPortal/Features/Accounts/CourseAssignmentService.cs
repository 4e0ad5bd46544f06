using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Accounts;

public sealed record AssignedCourse(int Id, string Key, string DisplayName);

/// <summary>Which courses each course author may edit the highlights of; superusers assign them.</summary>
public sealed class CourseAssignmentService(IDbContextFactory<PortalDbContext> contexts, ILogger<CourseAssignmentService> logger)
{
    public async Task<IReadOnlyList<AssignedCourse>> ListAsync(string userId, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (
            from a in db.CourseAssignments
            join c in db.Courses on a.CourseId equals c.Id
            where a.UserId == userId
            orderby c.Key
            select new AssignedCourse(c.Id, c.Key, c.DisplayName)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AssignedCourse>> FindCoursesAsync(string term, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        term = term.Trim();
        if (term.Length == 0)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Courses.IgnoreAutoIncludes().WhereKeyOrNameContains(term)
            .OrderBy(c => c.Key).Take(10).Select(c => new AssignedCourse(c.Id, c.Key, c.DisplayName)).ToListAsync(cancellationToken);
    }

    public async Task<ServiceResult<AssignedCourse>> AssignAsync(string userId, int courseId, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var isAuthor = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == userId && r.Name == PortalRoles.CourseAuthor
            select ur).AnyAsync(cancellationToken);
        if (!isAuthor)
        {
            return new ServiceError(ErrorKind.Invalid, "user", "Only a course author is assigned courses: give the account the Course author role first.");
        }
        var course = await db.Courses.IgnoreAutoIncludes().Where(c => c.Id == courseId)
            .Select(c => new AssignedCourse(c.Id, c.Key, c.DisplayName)).SingleOrDefaultAsync(cancellationToken);
        if (course is null)
        {
            return new ServiceError(ErrorKind.NotFound, "course", "This course no longer exists.");
        }
        if (!await db.CourseAssignments.AnyAsync(a => a.UserId == userId && a.CourseId == courseId, cancellationToken))
        {
            db.CourseAssignments.Add(new CourseAssignment(userId, courseId));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} assigned course {Course} to account {UserId}", actor.Name, course.Key, userId);
        }
        return course;
    }

    public async Task UnassignAsync(string userId, int courseId, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.CourseAssignments.Where(a => a.UserId == userId && a.CourseId == courseId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            logger.LogInformation("{Actor} removed course {CourseId} from account {UserId}", actor.Name, courseId, userId);
        }
    }

    /// <summary>Whether the actor may edit the course's highlights: superusers always, authors for their assigned courses.</summary>
    public async Task<bool> MayEditAsync(PortalActor actor, int courseId, CancellationToken cancellationToken = default)
    {
        if (actor.Can(PortalPolicies.ManagePortal))
        {
            return true;
        }
        if (!actor.Can(PortalPolicies.EditHighlights))
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CourseAssignments.AnyAsync(a => a.UserId == actor.Id && a.CourseId == courseId, cancellationToken);
    }
}
