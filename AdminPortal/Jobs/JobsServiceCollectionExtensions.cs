using AdminPortal.Features.Jobs;
using AdminPortal.Hosting.Processes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdminPortal.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The jobs host (the Quartz scheduler on the portal's database, run records, the scheduler's start and stop) and the
    /// service of the Jobs pages and <c>jobs</c> commands. Features add their jobs with <see cref="AddPortalJob{TJob}(WebApplicationBuilder, string, string, string, bool)"/>.
    /// </summary>
    public static WebApplicationBuilder AddPortalJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<JobsOptions>>((host, jobs) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(jobs.Value.ShutdownSeconds));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JobCatalog>();
        services.AddSingleton<JobRunRecorder>();
        services.AddOrphanedWorkRecovery<JobRunRecovery>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<PortalScheduler>();
        services.AddSingleton<JobScheduleSync>();
        services.AddHostedService<JobSchedulerService>();
        services.AddHostedService<PendingWorkAtStart>();
        services.AddSingleton<JobTriggers>();
        services.AddSingleton<JobsService>();
        return builder;
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
        this WebApplicationBuilder builder, string jobName, Func<Data.PortalDbContext, CancellationToken, Task<bool>> hasWork)
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
