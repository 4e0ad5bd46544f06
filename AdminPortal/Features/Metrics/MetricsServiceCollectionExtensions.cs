using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Metrics;
using AdminPortal.Components.Navigation;
using AdminPortal.Jobs;

namespace AdminPortal.Features.Metrics;

public static class MetricsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalMetrics(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DailyMetricsCalculator>();
        services.AddSingleton<DailyMetricsWriter>();
        services.AddSingleton<DailyMetricsRunner>();
        services.AddSingleton<MetricsDashboard>();
        builder.AddPortalJob<DailyMetricsJob>(DailyMetricsJob.Name, "0 0 2 * * ?",
            "Yesterday's metrics per site and course (enrollments, active learners, completions, progress, monthly active); a re-run replaces the day.");
        return builder;
    }

    /// <summary><c>GET /metrics/export.csv?site=&amp;from=&amp;to=</c>: what the dashboard shows, for Staff and above.</summary>
    public static WebApplication MapPortalMetrics(this WebApplication app)
    {
        app.MapGet("/metrics/export.csv", async (string site, DateOnly from, DateOnly to, HttpContext http, MetricsDashboard dashboard, CancellationToken ct) =>
        {
            if (from > to || to.DayNumber - from.DayNumber >= MetricRules.MaxBackfillDays)
            {
                return Results.Problem(statusCode: 400, title: "Bad range", detail: $"from must not be after to, and the range covers at most {MetricRules.MaxBackfillDays} days.");
            }
            var view = await dashboard.ViewAsync(site, from, to, CurrentActor.FromPrincipal(http.User), ct);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(MetricsDashboard.Csv(view)), "text/csv",
                $"metrics-{SafeName(site)}-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
        }).RequireAuthorization(PolicyNames.ViewOperations);
        return app;
    }

    private static string SafeName(string site) => new([.. site.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
}
