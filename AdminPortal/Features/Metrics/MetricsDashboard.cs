using System.Globalization;
using System.Text;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Metrics;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Metrics;

/// <summary>A course's row on the dashboard: its numbers on the last day, the change since a month before, its active learners over the range.</summary>
public sealed record CourseMetricsRow(CourseDailyMetric Last, CourseDailyMetric? MonthBefore, IReadOnlyList<long> ActiveSeries)
{
    public string EnrollmentChange => MetricRules.Change(Last.Enrollments, MonthBefore?.Enrollments);
}

public sealed record MetricsView(string Site, DateOnly From, DateOnly To, IReadOnlyList<SiteDailyMetric> Series)
{
    public SiteDailyMetric? Last => Series.Count == 0 ? null : Series[^1];

    /// <summary>The day the courses are shown for: the last day of the range that has metrics.</summary>
    public DateOnly LastDay => Last?.Day ?? To;

    public SiteDailyMetric? MonthBefore { get; init; }
}

/// <summary>The dashboard's data: the metrics tables only (never the learning data), a few queries whatever the range.</summary>
public sealed class MetricsDashboard(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<IReadOnlyList<string>> SitesAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SiteDailyMetrics.AsNoTracking().Select(m => m.Site).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);
    }

    /// <summary>A site of the portal, "(no site)", or a site whose metrics are kept though it is gone.</summary>
    public async Task<bool> SiteExistsAsync(string site, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return site == SiteDailyMetric.NoSite || await db.Sites.AnyAsync(s => s.Domain == site, cancellationToken)
            || await db.SiteDailyMetrics.AnyAsync(m => m.Site == site, cancellationToken);
    }

    public async Task<MetricsView> ViewAsync(string site, DateOnly from, DateOnly to, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var series = await db.SiteDailyMetrics.AsNoTracking().Where(m => m.Site == site && m.Day >= from && m.Day <= to).OrderBy(m => m.Day).ToListAsync(cancellationToken);
        var view = new MetricsView(site, from, to, series);
        var monthBefore = view.LastDay.AddMonths(-1);
        return view with { MonthBefore = await db.SiteDailyMetrics.AsNoTracking().SingleOrDefaultAsync(m => m.Site == site && m.Day == monthBefore, cancellationToken) };
    }

    /// <summary>A page of the site's courses on the view's last day, by key: two queries whatever the page or the range.</summary>
    public async Task<Page<CourseMetricsRow>> CoursesAsync(MetricsView view, PageRequest page, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var onLastDay = LastDayOf(db, view);
        var total = await onLastDay.CountAsync(cancellationToken);
        var courses = await onLastDay.Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken);
        return new Page<CourseMetricsRow>(await WithHistoryAsync(db, view, courses, cancellationToken), total);
    }

    /// <summary>The CSV download: the site's days, then every course on the last day.</summary>
    public async Task<string> CsvAsync(string site, DateOnly from, DateOnly to, PortalActor actor, CancellationToken cancellationToken = default)
    {
        var view = await ViewAsync(site, from, to, actor, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courses = await LastDayOf(db, view).ToListAsync(cancellationToken);
        return Csv(view, await WithHistoryAsync(db, view, courses, cancellationToken));
    }

    private static IQueryable<CourseDailyMetric> LastDayOf(PortalDbContext db, MetricsView view) =>
        db.CourseDailyMetrics.AsNoTracking().Where(m => m.Site == view.Site && m.Day == view.LastDay).OrderBy(m => m.CourseKey);

    // One query for these courses' earlier days in the range and a month before the last; matched up in memory by course.
    private static async Task<IReadOnlyList<CourseMetricsRow>> WithHistoryAsync(
        PortalDbContext db, MetricsView view, IReadOnlyList<CourseDailyMetric> onLastDay, CancellationToken cancellationToken)
    {
        var ids = onLastDay.Select(c => c.CourseId).ToList();
        var (from, last, monthBefore) = (view.From, view.LastDay, view.LastDay.AddMonths(-1));
        var earlier = (await db.CourseDailyMetrics.AsNoTracking()
            .Where(m => m.Site == view.Site && ids.Contains(m.CourseId) && ((m.Day >= from && m.Day < last) || m.Day == monthBefore))
            .ToListAsync(cancellationToken)).ToLookup(m => m.CourseId);
        return [.. onLastDay.Select(c => new CourseMetricsRow(c,
            earlier[c.CourseId].FirstOrDefault(m => m.Day == monthBefore),
            [.. earlier[c.CourseId].Where(m => m.Day >= from).Append(c).OrderBy(m => m.Day).Select(m => m.ActiveLearners)]))];
    }

    private static string Csv(MetricsView view, IReadOnlyList<CourseMetricsRow> courses)
    {
        var csv = new StringBuilder("day,site,active_learners,monthly_active_learners,total_learners,courses,enrollments\n");
        foreach (var day in view.Series)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{day.Day:yyyy-MM-dd},{Field(day.Site)},{day.ActiveLearners},{day.MonthlyActiveLearners},{day.TotalLearners},{day.Courses},{day.Enrollments}\n");
        }
        csv.Append("\nday,course_key,course,enrollments,enrollments_month_over_month,active_learners,completions,average_progress\n");
        foreach (var row in courses)
        {
            var c = row.Last;
            csv.Append(CultureInfo.InvariantCulture,
                $"{c.Day:yyyy-MM-dd},{Field(c.CourseKey)},{Field(c.CourseName)},{c.Enrollments},{row.EnrollmentChange},{c.ActiveLearners},{c.Completions},{c.AverageProgress:0.###}\n");
        }
        return csv.ToString();
    }

    // Quoted when it holds a comma, quote or line break; a leading = + - @ is defused so a spreadsheet never runs it.
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
