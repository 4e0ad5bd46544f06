using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Courses;

public enum CourseState
{
    NotStarted,
    Running,
    Ended,
}

public sealed record CourseFilter(string? Search = null, string? Org = null, bool? SelfPaced = null, CourseState? State = null);

public sealed record CourseRow(
    int Id, string Key, string DisplayName, string Org, bool SelfPaced, DateTime StartUtc, DateTime? EndUtc, int ActiveEnrollments);

/// <summary>The Courses pages' queries: filtered, sorted and paged in SQL, with a constant number of statements.</summary>
public sealed partial class CourseBrowser(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    private static readonly Dictionary<string, Func<IQueryable<Course>, bool, IOrderedQueryable<Course>>> Sorts = new()
    {
        [nameof(CourseRow.Key)] = PagingExtensions.By<Course, string>(c => c.Key),
        [nameof(CourseRow.DisplayName)] = PagingExtensions.By<Course, string>(c => c.DisplayName),
        [nameof(CourseRow.Org)] = PagingExtensions.By<Course, string>(c => c.Org),
        [nameof(CourseRow.StartUtc)] = PagingExtensions.By<Course, DateTime>(c => c.StartUtc),
        [nameof(CourseRow.EndUtc)] = PagingExtensions.By<Course, DateTime?>(c => c.EndUtc),
    };

    public async Task<Page<CourseRow>> SearchAsync(CourseFilter filter, PageRequest page, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db.Courses.AsNoTracking().IgnoreAutoIncludes(), filter, clock.GetUtcNow().UtcDateTime);
        var total = await query.CountAsync(cancellationToken);
        var courses = await query.SortAndPage(page, Sorts)
            .Select(c => new { c.Id, c.Key, c.DisplayName, c.Org, c.SelfPaced, c.StartUtc, c.EndUtc })
            .ToListAsync(cancellationToken);
        var ids = courses.Select(c => c.Id).ToList();
        var counts = await db.Enrollments.Where(e => ids.Contains(e.CourseId) && e.IsActive)
            .GroupBy(e => e.CourseId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new Page<CourseRow>(courses.Select(c => new CourseRow(
            c.Id, c.Key, c.DisplayName, c.Org, c.SelfPaced, c.StartUtc, c.EndUtc, counts.GetValueOrDefault(c.Id))).ToList(), total);
    }

    public async Task<IReadOnlyList<string>> OrgsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Courses.Select(c => c.Org).Distinct().OrderBy(o => o).ToListAsync(cancellationToken);
    }

    private static IQueryable<Course> Filter(IQueryable<Course> query, CourseFilter filter, DateTime now)
    {
        query = query.WhereKeyOrNameContains(filter.Search);
        if (!string.IsNullOrEmpty(filter.Org))
        {
            query = query.Where(c => c.Org == filter.Org);
        }
        if (filter.SelfPaced is { } selfPaced)
        {
            query = query.Where(c => c.SelfPaced == selfPaced);
        }
        return filter.State switch
        {
            CourseState.NotStarted => query.Where(c => c.StartUtc > now),
            CourseState.Running => query.Where(c => c.StartUtc <= now && (c.EndUtc == null || c.EndUtc > now)),
            CourseState.Ended => query.Where(c => c.EndUtc != null && c.EndUtc <= now),
            _ => query,
        };
    }
}
