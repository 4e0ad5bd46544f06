using System.Text.Json;
using AdminPortal.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdminPortal.Features.SystemStatus;

public static class HealthServiceCollectionExtensions
{
    public const string HealthPath = "/health", LivePath = "/health/live", ReadyPath = "/health/ready";
    /// <summary>The check <c>/health</c> and the System status page run; the page shows migrations and jobs itself.</summary>
    public const string Database = "database";
    private const string Ready = "ready";

    public static WebApplicationBuilder AddPortalHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>(Database, tags: [Ready])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [Ready])
            .AddCheck<JobSchedulerStartedCheck>("job-scheduler", tags: [Ready]);
        builder.Services.AddSingleton(new PortalStartTime(DateTime.UtcNow));
        builder.Services.AddSingleton<SystemStatusService>();
        return builder;
    }

    /// <summary>
    /// Anonymous on purpose, for load balancers, orchestrators and the start-up benchmark; they reveal only statuses.
    /// <c>/health</c> checks the database; <c>/health/live</c> only that the process answers; <c>/health/ready</c> that the
    /// database answers, holds every migration and the job scheduler runs. Each answers 503 when unhealthy.
    /// </summary>
    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, Only(check => check.Name == Database)).AllowAnonymous();
        app.MapHealthChecks(LivePath, Only(_ => false)).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, Only(check => check.Tags.Contains(Ready))).AllowAnonymous();
        return app;
    }

    private static HealthCheckOptions Only(Func<HealthCheckRegistration, bool> checks) => new() { Predicate = checks, ResponseWriter = WriteJsonAsync };

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        });
    }
}
