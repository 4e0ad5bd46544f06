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

public sealed record MetricsView(string Site, DateOnly From, DateOnly To, IReadOnlyList<SiteDailyMetric> Series, IReadOnlyList<CourseMetricsRow> Courses)
{
    public SiteDailyMetric? Last => Series.Count == 0 ? null : Series[^1];

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
        var last = series.Count == 0 ? to : series[^1].Day;
        var monthBefore = last.AddMonths(-1);
        var siteMonthBefore = await db.SiteDailyMetrics.AsNoTracking().SingleOrDefaultAsync(m => m.Site == site && m.Day == monthBefore, cancellationToken);
        var courses = await db.CourseDailyMetrics.AsNoTracking()
            .Where(m => m.Site == site && ((m.Day >= from && m.Day <= last) || m.Day == monthBefore)).ToListAsync(cancellationToken);
        var rows = courses.Where(c => c.Day == last).OrderBy(c => c.CourseKey).Select(c => new CourseMetricsRow(c,
            courses.SingleOrDefault(m => m.CourseId == c.CourseId && m.Day == monthBefore),
            courses.Where(m => m.CourseId == c.CourseId && m.Day >= from && m.Day <= last).OrderBy(m => m.Day).Select(m => m.ActiveLearners).ToList())).ToList();
        return new MetricsView(site, from, to, series, rows) { MonthBefore = siteMonthBefore };
    }

    /// <summary>What the dashboard shows, as CSV: the site's days, then its courses on the last day.</summary>
    public static string Csv(MetricsView view)
    {
        var csv = new StringBuilder("day,site,active_learners,monthly_active_learners,total_learners,courses,enrollments\n");
        foreach (var day in view.Series)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{day.Day:yyyy-MM-dd},{Field(day.Site)},{day.ActiveLearners},{day.MonthlyActiveLearners},{day.TotalLearners},{day.Courses},{day.Enrollments}\n");
        }
        csv.Append("\nday,course_key,course,enrollments,enrollments_month_over_month,active_learners,completions,average_progress\n");
        foreach (var row in view.Courses)
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
