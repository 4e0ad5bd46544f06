using AdminPortal.Data;
using AdminPortal.Domain.Processes;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Hosting.Processes;

/// <summary>
/// This process as the owner of work. It registers itself in the database the first time it takes work, writes a
/// heartbeat every <see cref="PortalProcess.HeartbeatInterval"/> from then on, and removes its row when it stops cleanly;
/// a process that crashed simply stops beating, and other processes take over its work once it is
/// <see cref="PortalProcess.GoneAfter"/> silent.
/// </summary>
public sealed class ThisProcess(
    IDbContextFactory<PortalDbContext> contexts, PortalDatabase database, TimeProvider clock, ILogger<ThisProcess> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim registering = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task? heartbeat;

    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>This process's id, registered (and beating) before it is handed out, so work it stamps is never taken for an orphan's.</summary>
    public async Task<Guid> OwnerIdAsync(CancellationToken cancellationToken)
    {
        if (heartbeat is null)
        {
            await registering.WaitAsync(cancellationToken);
            try
            {
                if (heartbeat is null)
                {
                    await BeatAsync(cancellationToken);
                    heartbeat = Task.Run(BeatUntilStoppedAsync, CancellationToken.None);
                    logger.LogDebug("Process {ProcessId} registered as {Owner}", Environment.ProcessId, Id);
                }
            }
            finally
            {
                registering.Release();
            }
        }
        return Id;
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // A process taken for dead (and so removed) while it was only blocked comes back by registering again.
        if (await db.PortalProcesses.Where(p => p.Id == Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.HeartbeatUtc, now), cancellationToken) == 0)
        {
            db.PortalProcesses.Add(new PortalProcess(Id, Environment.MachineName, Environment.ProcessId, Describe(), now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task BeatUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(PortalProcess.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                try
                {
                    await BeatAsync(stopping.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The heartbeat of process {Owner} could not be written; trying again in {Seconds} s",
                        Id, PortalProcess.HeartbeatInterval.TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The program and its command, never its other arguments (they may hold an address or a path).</summary>
    private static string Describe()
    {
        var args = Environment.GetCommandLineArgs();
        var command = args.Skip(1).FirstOrDefault(a => !a.StartsWith('-'));
        return command is null ? Path.GetFileName(args[0]) : $"{Path.GetFileName(args[0])} {command}";
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (heartbeat is not null)
        {
            await heartbeat;
            try
            {
                // The container is being disposed around this call, so neither the factory nor its options can serve.
                await using var db = database.CreatePortalDbContext();
                await db.PortalProcesses.Where(p => p.Id == Id).ExecuteDeleteAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                // Not fatal: the row stops beating, and the others treat it as gone once it is stale.
                logger.LogWarning(e, "Process {Owner} could not remove its registration", Id);
            }
        }
    }
}
