using AdminPortal.Data;
using AdminPortal.Domain.Processes;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Hosting.Processes;

/// <summary>
/// Who may be taken for gone: any owner but this process whose heartbeat is older than <see cref="AliveSince"/>, or that
/// has no row at all. Recoveries write it into their statement
/// (<c>r.OwnerId != owners.Me &amp;&amp; !db.PortalProcesses.Any(p =&gt; p.Id == r.OwnerId &amp;&amp; p.HeartbeatUtc &gt;= owners.AliveSince)</c>),
/// so the check and the change are one statement and an owner that just beat is never overtaken.
/// </summary>
public sealed record OwnerLiveness(Guid Me, DateTime AliveSince, DateTime NowUtc);

/// <summary>A feature's work that a dead process can leave behind (a run marked running, a reset in progress), and how to end it.</summary>
public interface IOrphanedWorkRecovery
{
    Task RecoverAsync(PortalDbContext db, OwnerLiveness owners, CancellationToken cancellationToken);
}

/// <summary>
/// In the web server: at its start (<see cref="FirstSweepAtStart"/>) and then every minute, ends the work whose owner is gone
/// (each feature's <see cref="IOrphanedWorkRecovery"/>), then forgets the dead processes. Work owned by a live process (a command
/// sending at this moment, another instance) is left alone.
/// </summary>
internal sealed class OrphanedWorkSweeper(
    IEnumerable<IOrphanedWorkRecovery> recoveries, ThisProcess me, IDbContextFactory<PortalDbContext> contexts, TimeProvider clock,
    ILogger<OrphanedWorkSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var owner = await me.OwnerIdAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var owners = new OwnerLiveness(owner, PortalProcess.AliveSince(now), now);
        foreach (var recovery in recoveries)
        {
            await recovery.RecoverAsync(db, owners, cancellationToken);
        }
        await db.PortalProcesses.Where(p => p.Id != owner && p.HeartbeatUtc < owners.AliveSince).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Looking for work left by stopped processes failed; trying again in {Seconds} s", Interval.TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>The first sweep is part of the start, before the scheduler starts: no job runs beside a dead process's run, and pages never show one as running.</summary>
internal sealed class FirstSweepAtStart(OrphanedWorkSweeper sweeper) : IStartupStep
{
    public StartupStage Stage => StartupStage.Recovery;

    public bool RunsBeforeCommands => false;

    public Task RunAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}
