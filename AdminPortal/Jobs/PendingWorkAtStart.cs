using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Jobs;

/// <summary>A job that works through a queue kept in the database, and how to tell that the queue holds work.</summary>
public sealed record PendingWorkCheck(string JobName, Func<PortalDbContext, CancellationToken, Task<bool>> HasWork);

/// <summary>
/// Once the server's scheduler runs, starts each job whose queue still holds work a stopped process left behind (resets
/// enqueued, reports processing), so nothing waits for the job's next scheduled run.
/// </summary>
internal sealed class PendingWorkAtStart(
    IEnumerable<PendingWorkCheck> checks, IDbContextFactory<PortalDbContext> contexts, JobTriggers triggers, ILogger<PendingWorkAtStart> logger)
    : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        foreach (var check in checks)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await check.HasWork(db, cancellationToken))
            {
                logger.LogInformation("Job {Job} has work left from before the start; running it now", check.JobName);
                await triggers.RunAtStartAsync(check.JobName, cancellationToken);
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
