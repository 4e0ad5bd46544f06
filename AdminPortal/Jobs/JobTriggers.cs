using Quartz;

namespace AdminPortal.Jobs;

/// <summary>Starts a registered job at once, recorded as started by a person: "Run now" and features that hand work to a job.</summary>
public sealed class JobTriggers(PortalScheduler portalScheduler, JobCatalog catalog)
{
    public async Task RunNowAsync(string jobName, string startedBy, CancellationToken cancellationToken = default)
    {
        var job = catalog.Find(jobName) ?? throw new InvalidOperationException($"There is no job named \"{jobName}\".");
        var trigger = TriggerBuilder.Create()
            .WithIdentity(JobKeys.RunNow(job.Name))
            .ForJob(JobKeys.Job(job.Name))
            .UsingJobData(JobKeys.StartedByEmail, startedBy)
            .StartNow()
            .WithSimpleSchedule(once => once.WithMisfireHandlingInstructionFireNow())
            .Build();
        var scheduler = await portalScheduler.GetAsync(cancellationToken);
        await scheduler.ScheduleJob(trigger, cancellationToken);
    }
}
