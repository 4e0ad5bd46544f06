using Microsoft.Extensions.Options;

namespace AdminPortal.Jobs;

/// <summary>
/// Starts the scheduler with the server and stops it waiting for running jobs. Start-up steps (migrations) run in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, which the host completes for every service before any
/// <see cref="IHostedService.StartAsync"/>, so the job store's tables exist by now.
/// </summary>
internal sealed class JobSchedulerService(
    PortalScheduler portalScheduler,
    JobScheduleSync sync,
    IOptions<JobsOptions> options,
    ILogger<JobSchedulerService> logger) : IHostedService
{
    private readonly Lock stopLock = new();
    private Task? stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await portalScheduler.GetAsync(cancellationToken);
        await sync.ApplyAsync(scheduler, cancellationToken);
        await scheduler.Start(cancellationToken);
        logger.LogInformation("Job scheduler {Scheduler} started", options.Value.SchedulerName);
    }

    /// <summary>Every caller waits for the same shutdown: a host may ask twice, and the second ask must not end the wait.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (stopLock)
        {
            stopping ??= ShutdownAsync();
        }
        return WaitAsync(stopping, cancellationToken);
    }

    private async Task ShutdownAsync()
    {
        var scheduler = await portalScheduler.GetAsync();
        logger.LogInformation("Stopping the job scheduler; waiting up to {Seconds} s for running jobs", options.Value.ShutdownSeconds);
        await scheduler.Shutdown(waitForJobsToComplete: true);
    }

    private async Task WaitAsync(Task shutdown, CancellationToken cancellationToken)
    {
        try
        {
            // Quartz would wait past the host's shutdown timeout; the host must not, so stop waiting when the token says so.
            await shutdown.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Jobs were still running after {Seconds} s; their runs will be marked interrupted once this process is gone",
                options.Value.ShutdownSeconds);
        }
    }
}
