using AdminPortal.Domain.Jobs;
using Quartz;

namespace AdminPortal.Jobs;

/// <summary>
/// The one Quartz job type of the portal: the store keeps this class name for every job, and the job's key says which
/// <see cref="IPortalJob"/> to run, so renaming a job class never strands a stored job. Quartz builds it in a DI scope of
/// its own for each firing, so <paramref name="scope"/> is that firing's.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PortalQuartzJob(IServiceProvider scope, JobCatalog catalog, JobRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var job = catalog.Find(context.JobDetail.Key.Name)
            ?? throw new JobExecutionException($"No job named {context.JobDetail.Key.Name} is registered any more.");
        await runner.RunAsync(job, StartOf(context), scope, cancellationToken);
    }

    private static JobStart StartOf(IJobExecutionContext context)
    {
        if (context.MergedJobDataMap.TryGetString(JobKeys.StartedByEmail, out var email) && !string.IsNullOrEmpty(email))
        {
            return new JobStart(JobStarter.User, email, "Run now");
        }
        if (context.MergedJobDataMap.TryGetString(JobKeys.Reason, out var reason) && !string.IsNullOrEmpty(reason))
        {
            return new JobStart(JobStarter.Schedule, null, reason);
        }
        return context.Trigger is ICronTrigger cron
            ? new JobStart(JobStarter.Schedule, null, $"{cron.CronExpressionString} ({cron.TimeZone.Id})")
            : new JobStart(JobStarter.Schedule, null, context.Trigger.Key.ToString());
    }
}
