using Quartz;

namespace AdminPortal.Jobs;

/// <summary>Starts a registered job at once, recorded as started by a person: "Run now" and features that hand work to a job.</summary>
public sealed class JobTriggers(PortalScheduler portalScheduler, JobCatalog catalog)
{
    /// <returns>
    /// False when this process does not run the scheduler (the command line): its job store may not even know the job
    /// yet, and the web server's own runs pick the work up.
    /// </returns>
    public async Task<bool> RunNowAsync(string jobName, string startedBy, CancellationToken cancellationToken = default)
    {
        var job = catalog.Find(jobName) ?? throw new InvalidOperationException($"There is no job named \"{jobName}\".");
        var scheduler = await portalScheduler.GetAsync(cancellationToken);
        if (!scheduler.IsStarted)
        {
            return false;
        }
        var trigger = TriggerBuilder.Create()
            .WithIdentity(JobKeys.RunNow(job.Name))
            .ForJob(JobKeys.Job(job.Name))
            .UsingJobData(JobKeys.StartedByEmail, startedBy)
            .StartNow()
            .WithSimpleSchedule(once => once.WithMisfireHandlingInstructionFireNow())
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken);
        return true;
    }
}
