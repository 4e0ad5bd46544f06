using Quartz;

namespace AdminPortal.Jobs;

/// <summary>
/// The portal's Quartz scheduler, which Quartz registers under its name (<see cref="JobsOptions.SchedulerName"/>). Quartz
/// builds it on first use and its hosted service starts it; a command builds it to read the store, never starts it.
/// </summary>
public sealed class JobScheduler(IServiceProvider services, string name)
{
    public IScheduler Scheduler { get; } = services.GetRequiredKeyedService<IScheduler>(name);

    /// <summary>The scheduler runs in this process (the web server's): false in a command.</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken) =>
        await Scheduler.GetStatus(cancellationToken) is SchedulerStatus.Running or SchedulerStatus.Standby;
}
