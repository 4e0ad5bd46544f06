using AdminPortal.Data;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace AdminPortal.Features.SystemStatus;

/// <summary>Ready only on a database at the current model: a portal on an older one would write what it cannot read.</summary>
public sealed class MigrationsAppliedCheck(IDbContextFactory<PortalDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, from {pending[0]}: run migrate.");
    }
}

/// <summary>Ready once the job scheduler runs its triggers (started and not standing by), until it shuts down.</summary>
public sealed class JobSchedulerStartedCheck(JobScheduler jobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await jobs.Scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"The job scheduler is {status}.");
    }
}
