using System.Reflection;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdminPortal.Features.SystemStatus;

/// <param name="DatabaseFile">The database file's path or server, for superusers only (null for staff): a server path is not for every reader.</param>
/// <param name="ClusteredJobs">Whether the job store is shared by several instances (a server database), or single-node (SQLite).</param>
/// <param name="Processes">The portal processes on this database that beat within <see cref="PortalProcess.GoneAfter"/>: web servers and commands.</param>
public sealed record SystemStatusReport(
    HealthStatus Status,
    IReadOnlyList<HealthEntry> Checks,
    string Version,
    string Environment,
    string? DatabaseFile,
    long DatabaseBytes,
    int AppliedMigrations,
    IReadOnlyList<string> PendingMigrations,
    DateTime StartedAtUtc,
    bool ClusteredJobs,
    IReadOnlyList<ProcessEntry> Processes);

public sealed record HealthEntry(string Name, HealthStatus Status, TimeSpan Duration, string? Description);

public sealed record ProcessEntry(string Host, int ProcessId, string Description, DateTime StartedUtc, DateTime HeartbeatUtc);

public sealed class SystemStatusService(
    HealthCheckService health,
    IDbContextFactory<PortalDbContext> contexts,
    PortalDatabase database,
    IHostEnvironment environment,
    PortalStartTime startTime,
    TimeProvider clock)
{
    public async Task<SystemStatusReport> GetAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        var report = await health.CheckHealthAsync(check => check.Name == HealthServiceCollectionExtensions.Database, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var aliveSince = PortalProcess.AliveSince(clock.GetUtcNow().UtcDateTime);
        var processes = await db.PortalProcesses.AsNoTracking().Where(p => p.HeartbeatUtc >= aliveSince).OrderBy(p => p.StartedUtc)
            .Select(p => new ProcessEntry(p.Host, p.ProcessId, p.Description, p.StartedUtc, p.HeartbeatUtc)).ToListAsync(cancellationToken);
        var file = database.FilePath is { } path ? new FileInfo(path) : null;
        return new SystemStatusReport(
            report.Status,
            report.Entries.Select(e => new HealthEntry(e.Key, e.Value.Status, e.Value.Duration, e.Value.Description ?? e.Value.Exception?.Message)).ToList(),
            typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            environment.EnvironmentName,
            actor.Can(PortalPolicies.ManagePortal) ? database.Description : null,
            file is { Exists: true } ? file.Length : 0,
            applied,
            pending,
            startTime.Utc,
            !database.IsSqlite,
            processes);
    }
}

/// <summary>When this process started, for the status page.</summary>
public sealed record PortalStartTime(DateTime Utc);
