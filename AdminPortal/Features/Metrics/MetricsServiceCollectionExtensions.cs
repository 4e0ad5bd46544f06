using AdminPortal.Api;
using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Metrics;
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
        app.MapGet("/metrics/export.csv", async (string? site, string? from, string? to, HttpContext http, MetricsDashboard dashboard, CancellationToken ct) =>
        {
            var (range, errors) = Range(from, to);
            if (string.IsNullOrWhiteSpace(site))
            {
                errors.Add(new ServiceError(ErrorKind.Invalid, "site", "This parameter is required: a site's domain, or (no site)."));
            }
            if (errors.Count > 0)
            {
                return ApiProblems.From(errors);
            }
            var actor = CurrentActor.FromPrincipal(http.User);
            if (!await dashboard.SiteExistsAsync(site!, actor, ct))
            {
                return ApiProblems.From([new ServiceError(ErrorKind.NotFound, "site", $"There is no site {site}.")]);
            }
            var (first, last) = range!.Value;
            var csv = await dashboard.CsvAsync(site!, first, last, actor, ct);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv",
                $"metrics-{SafeName(site!)}-{first:yyyyMMdd}-{last:yyyyMMdd}.csv");
        }).RequireAuthorization(PolicyNames.ViewOperations);
        return app;
    }

    /// <summary>Both days, as dates, in order, at most <see cref="MetricRules.MaxBackfillDays"/> apart; else what is wrong with each.</summary>
    private static ((DateOnly From, DateOnly To)? Range, List<ServiceError> Errors) Range(string? from, string? to)
    {
        var errors = new List<ServiceError>();
        DateOnly? Day(string name, string? value)
        {
            if (PortalFormat.ParseDay(value) is { } day)
            {
                return day;
            }
            errors.Add(new ServiceError(ErrorKind.Invalid, name, string.IsNullOrWhiteSpace(value)
                ? "This parameter is required: a day such as 2026-11-01."
                : $"'{value}' is not a day such as 2026-11-01."));
            return null;
        }
        var (first, last) = (Day("from", from), Day("to", to));
        if (first is not { } f || last is not { } l)
        {
            return (null, errors);
        }
        if (f > l || l.DayNumber - f.DayNumber >= MetricRules.MaxBackfillDays)
        {
            errors.Add(new ServiceError(ErrorKind.Invalid, "to", $"to must not be before from, and the range covers at most {MetricRules.MaxBackfillDays} days."));
            return (null, errors);
        }
        return ((f, l), errors);
    }

    private static string SafeName(string site) => new([.. site.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
}
