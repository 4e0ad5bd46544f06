using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Schedules;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Schedules;

/// <param name="Course">Part of a course's key or name.</param>
/// <param name="StartBeforeCourseStart">Only schedules that start before their course does: a known error case.</param>
public sealed record ScheduleFilter(string? Course = null, ScheduleExperience? Experience = null, bool? Active = null, bool StartBeforeCourseStart = false);

public sealed record ScheduleRow(
    long Id, int LearnerId, string Username, int CourseId, string CourseKey, string CourseName, DateTime StartUtc, DateTime? UpgradeDeadlineUtc,
    ScheduleExperience Experience, bool IsActive);

public enum ScheduleBulkAction
{
    UseCourseUpdates,
    UseRecurringNudgeAndUpgradeReminder,
    Activate,
    Deactivate,
}

/// <summary>The Schedules page: filtered and paged in SQL, and bulk changes applied to the whole filter in one statement.</summary>
public sealed class ScheduleBrowser(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, ILogger<ScheduleBrowser> logger)
{
    private static readonly Dictionary<string, Func<IQueryable<Schedule>, bool, IOrderedQueryable<Schedule>>> Sorts = new()
    {
        [nameof(ScheduleRow.StartUtc)] = PagingExtensions.By<Schedule, DateTime>(s => s.StartUtc),
        [nameof(ScheduleRow.UpgradeDeadlineUtc)] = PagingExtensions.By<Schedule, DateTime?>(s => s.UpgradeDeadlineUtc),
        [nameof(ScheduleRow.Id)] = PagingExtensions.By<Schedule, long>(s => s.Id),
    };

    public async Task<Page<ScheduleRow>> SearchAsync(ScheduleFilter filter, PageRequest page, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.SortAndPage(page with { SortBy = page.SortBy ?? nameof(ScheduleRow.StartUtc), Descending = page.SortBy is null || page.Descending }, Sorts)
            .Select(s => new ScheduleRow(s.Id, s.LearnerId, db.Learners.Where(l => l.Id == s.LearnerId).Select(l => l.Username).First(),
                s.CourseId, db.Courses.Where(c => c.Id == s.CourseId).Select(c => c.Key).First(),
                db.Courses.Where(c => c.Id == s.CourseId).Select(c => c.DisplayName).First(), s.StartUtc, s.UpgradeDeadlineUtc,
                s.Experience, s.IsActive))
            .ToListAsync(cancellationToken);
        return new Page<ScheduleRow>(rows, total);
    }

    /// <summary>Applies the action to every schedule the filter matches; returns how many changed.</summary>
    public async Task<int> ApplyAsync(ScheduleFilter filter, ScheduleBulkAction action, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = action switch
        {
            ScheduleBulkAction.UseCourseUpdates => await query.Where(s => s.Experience != ScheduleExperience.CourseUpdates)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Experience, ScheduleExperience.CourseUpdates).SetProperty(s => s.ModifiedUtc, now), cancellationToken),
            ScheduleBulkAction.UseRecurringNudgeAndUpgradeReminder => await query.Where(s => s.Experience != ScheduleExperience.RecurringNudgeAndUpgradeReminder)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Experience, ScheduleExperience.RecurringNudgeAndUpgradeReminder).SetProperty(s => s.ModifiedUtc, now), cancellationToken),
            ScheduleBulkAction.Activate => await query.Where(s => !s.IsActive)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.IsActive, true).SetProperty(s => s.ModifiedUtc, now), cancellationToken),
            _ => await query.Where(s => s.IsActive)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.IsActive, false).SetProperty(s => s.ModifiedUtc, now), cancellationToken),
        };
        logger.LogInformation("{Actor} applied {Action} to {Count} schedule(s) matching {Filter}", actor.Name, action, changed, filter);
        return changed;
    }

    /// <summary>Enrollments without a schedule, by reason (held back, creation off, ...), for operators to count.</summary>
    public async Task<IReadOnlyDictionary<ScheduleSkipReason, int>> SkipsAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScheduleSkips.GroupBy(s => s.Reason).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>
    /// Courses first, then each course's range of its (CourseId, StartUtc) index: CROSS JOIN fixes that order in SQLite
    /// and INDEXED BY the index, so the cost follows the matches, not the 2,000,000 schedules, with or without statistics.
    /// The server databases plan the same join themselves from their statistics.
    /// </summary>
    private const string StartingBeforeTheirCourse = """
        SELECT s.* FROM Courses AS c
        CROSS JOIN Schedules AS s INDEXED BY IX_Schedules_CourseId_StartUtc ON s.CourseId = c.Id AND s.StartUtc < c.StartUtc
        """;

    private static IQueryable<Schedule> StartingBeforeTheirCourseIn(PortalDbContext db) => db.Provider() == DatabaseProvider.Sqlite
        ? db.Schedules.FromSqlRaw(StartingBeforeTheirCourse)
        : db.Schedules.Where(s => db.Courses.Any(c => c.Id == s.CourseId && s.StartUtc < c.StartUtc));

    private static async Task<IQueryable<Schedule>> FilterAsync(PortalDbContext db, ScheduleFilter filter, CancellationToken cancellationToken)
    {
        var query = (filter.StartBeforeCourseStart ? StartingBeforeTheirCourseIn(db) : db.Schedules).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Course))
        {
            var courseIds = await db.Courses.IgnoreAutoIncludes().WhereKeyOrNameContains(filter.Course)
                .Select(c => c.Id).ToListAsync(cancellationToken);
            query = query.Where(s => courseIds.Contains(s.CourseId));
        }
        if (filter.Experience is { } experience)
        {
            query = query.Where(s => s.Experience == experience);
        }
        if (filter.Active is { } active)
        {
            query = query.Where(s => s.IsActive == active);
        }

        return query;
    }
}
