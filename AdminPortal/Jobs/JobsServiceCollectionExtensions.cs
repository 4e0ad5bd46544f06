using AdminPortal.Data;
using AdminPortal.Hosting;
using AdminPortal.Hosting.Processes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace AdminPortal.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The jobs platform: Quartz with its own hosting on a persistent store in the portal's database, the run records, and
    /// the start-up steps that upgrade the store and make it match the registered jobs. Features add their jobs with
    /// <see cref="AddPortalJob{TJob}(WebApplicationBuilder, string, string, string, bool)"/>.
    /// </summary>
    public static WebApplicationBuilder AddPortalJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<JobsOptions>>((host, jobs) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(jobs.Value.ShutdownSeconds));
        // A named scheduler, so that the clock it is given is its own: the default scheduler's clock is the container's
        // TimeProvider, which the portal's records read and a test may stop. Its name is also its rows' in the job store.
        var schedulerName = JobsOptions.SchedulerNameIn(builder.Configuration);
        var provider = PortalDatabase.ProviderIn(builder.Configuration);
        services.AddQuartz(schedulerName, quartz =>
        {
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.UseDefaultThreadPool(maxConcurrency: 4);
            quartz.UsePersistentStore(store =>
            {
                // A new database gets Quartz's own tables; one from the release before is upgraded first (JobStoreUpgrade).
                store.ProvisionSchema();
                UseProvider(store, provider);
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(options => options.StoreJobDataAsStrings = true);
            });
        });
        if (provider == DatabaseProvider.Sqlite)
        {
            // One process on one file: a cluster would need several, so the store stays single-node.
            services.AddOptions<QuartzSchedulerOptions>(schedulerName).Configure(scheduler => scheduler.InstanceId = "NON_CLUSTERED");
        }
        // Read when the scheduler is built, not now, so a test host's settings apply.
        services.AddOptions<DataSourceOptions>(schedulerName).Configure<PortalDatabase>((source, database) =>
            source.ConnectionString = database.ConnectionString);
        services.Configure<QuartzOptions>(schedulerName, quartz =>
        {
            // Quartz's rule for jobs and triggers declared to it: a second instance starting on the same store keeps what is
            // stored instead of registering it again. The portal's own schedule sync keeps a stored trigger the same way
            // (JobScheduleSync, TriggerConflict.Keep).
            quartz.Scheduling.OverwriteExistingData = false;
            quartz.Scheduling.IgnoreDuplicates = true;
        });
        services.AddQuartzHostedService(schedulerName, hosting =>
        {
            hosting.WaitForJobsToComplete = true;
            // Started with the host's services, as the start-up steps finish, so that work found at start (PendingWorkAtStart)
            // has a running scheduler to hand its runs to.
            hosting.AwaitApplicationStarted = false;
        });
        services.AddSingleton(provider => new JobScheduler(provider, schedulerName));
        services.AddTransient<PortalQuartzJob>();
        services.AddSingleton<JobCatalog>();
        services.AddSingleton<JobRunRecorder>();
        services.AddOrphanedWorkRecovery<JobRunRecovery>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobTriggers>();
        services.AddStartupStep<JobStoreUpgrade>();
        services.AddStartupStep<JobScheduleSync>();
        services.AddHostedService<PendingWorkAtStart>();
        return builder;
    }

    /// <summary>
    /// On a server database the store is clustered: each trigger fires on one instance, and when an instance stops checking
    /// in, another takes over its jobs (Quartz gives each instance its own id).
    /// </summary>
    private static void UseProvider(IPersistentStoreBuilder store, DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                store.UsePostgres(_ => { });
                store.UseClustering(_ => { });
                break;
            case DatabaseProvider.SqlServer:
                store.UseSqlServer(_ => { });
                store.UseClustering(_ => { });
                break;
            default:
                store.UseSqlite(_ => { });
                break;
        }
    }

    /// <summary>
    /// Registers a job: it runs on <c>Jobs:&lt;name&gt;:Cron</c> (else <paramref name="defaultCron"/>) in
    /// <c>Jobs:&lt;name&gt;:TimeZone</c> (else UTC), shows on the Jobs page and runs with <c>jobs run &lt;name&gt;</c>.
    /// </summary>
    /// <param name="name">Lower-case words joined by hyphens; it names the job everywhere, configuration included.</param>
    /// <param name="defaultCron">A Quartz cron expression, seconds first: "0 30 3 * * ?" is 03:30 every day.</param>
    /// <param name="keepIdleRuns">False for a frequent job: its runs that did nothing are not kept (<see cref="JobDefinition.KeepIdleRuns"/>).</param>
    public static WebApplicationBuilder AddPortalJob<TJob>(
        this WebApplicationBuilder builder, string name, string defaultCron, string description, bool keepIdleRuns = true)
        where TJob : class, IPortalJob
    {
        builder.Services.AddPortalJob<TJob>(name, defaultCron, description, keepIdleRuns);
        return builder;
    }

    /// <summary>At the server's start, runs the job at once when <paramref name="hasWork"/> finds work a stopped process left.</summary>
    public static WebApplicationBuilder AddPortalJobRunAtStartWhen(
        this WebApplicationBuilder builder, string jobName, Func<PortalDbContext, CancellationToken, Task<bool>> hasWork)
    {
        builder.Services.AddSingleton(new PendingWorkCheck(jobName, hasWork));
        return builder;
    }

    public static IServiceCollection AddPortalJob<TJob>(
        this IServiceCollection services, string name, string defaultCron, string description, bool keepIdleRuns = true)
        where TJob : class, IPortalJob
    {
        services.AddSingleton(JobDefinition.Create<TJob>(name, defaultCron, description, keepIdleRuns));
        services.TryAddScoped<TJob>();
        return services;
    }
}
