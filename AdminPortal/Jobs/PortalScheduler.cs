using System.Collections.Specialized;
using AdminPortal.Data;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl;
using Quartz.Impl.AdoJobStore;

namespace AdminPortal.Jobs;

/// <summary>
/// The process's Quartz scheduler on the persistent job store in the portal's own SQLite file. Built when first needed
/// (after migrations created its tables); the server's <see cref="JobSchedulerService"/> starts it, the CLI only reads.
/// </summary>
public sealed class PortalScheduler(
    PortalDatabase database,
    IOptions<JobsOptions> options,
    IServiceScopeFactory scopes,
    ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IScheduler? scheduler;
    private IDisposable? logging;

    public async Task<IScheduler> GetAsync(CancellationToken cancellationToken = default)
    {
        if (scheduler is not null)
        {
            return scheduler;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            return scheduler ??= await BuildAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static NameValueCollection Properties(string schedulerName, string connectionString) => new()
    {
        ["quartz.scheduler.instanceName"] = schedulerName,
        ["quartz.scheduler.instanceId"] = "NON_CLUSTERED",
        ["quartz.threadPool.maxConcurrency"] = "4",
        ["quartz.jobStore.type"] = typeof(JobStoreTX).AssemblyQualifiedName,
        ["quartz.jobStore.driverDelegateType"] = typeof(SQLiteDelegate).AssemblyQualifiedName,
        // Quartz refuses clustering on SQLite; one portal process owns the schedule.
        ["quartz.jobStore.clustered"] = "false",
        ["quartz.jobStore.tablePrefix"] = "QRTZ_",
        ["quartz.jobStore.useProperties"] = "true",
        // Data sources are registered process-wide by name, like schedulers: one per scheduler.
        ["quartz.jobStore.dataSource"] = schedulerName,
        [$"quartz.dataSource.{schedulerName}.provider"] = "SQLite-Microsoft",
        [$"quartz.dataSource.{schedulerName}.connectionString"] = connectionString,
        ["quartz.serializer.type"] = typeof(JsonJobDataSerializer).AssemblyQualifiedName,
    };

    private async Task<IScheduler> BuildAsync(CancellationToken cancellationToken)
    {
        var name = options.Value.SchedulerName;
        if (SchedulerRepository.Instance.Lookup(name) is not null)
        {
            throw new InvalidOperationException(
                $"A job scheduler named {name} already runs in this process: give each portal host its own {JobsOptions.Section}:SchedulerName.");
        }
        logging = QuartzLogging.Attach(loggers);
        var built = await new StdSchedulerFactory(Properties(name, database.ConnectionString)).GetScheduler(cancellationToken);
        built.JobFactory = new ScopedJobFactory(scopes);
        return built;
    }

    public async ValueTask DisposeAsync()
    {
        if (scheduler is { IsShutdown: false })
        {
            await scheduler.Shutdown(waitForJobsToComplete: false);
        }
        logging?.Dispose();
        gate.Dispose();
    }
}
