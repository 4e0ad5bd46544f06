using Quartz;

namespace AdminPortal.Jobs;

/// <summary>Starts a registered job at once, recorded as started by a person: "Run now" and features that hand work to a job.</summary>
public sealed class JobTriggers(JobScheduler jobScheduler, JobCatalog catalog)
{
    /// <returns>
    /// False when this process does not run the scheduler (the command line): its job store may not even know the job
    /// yet, and the web server's own runs pick the work up.
    /// </returns>
    public Task<bool> RunNowAsync(string jobName, string startedBy, CancellationToken cancellationToken = default) =>
        FireAsync(jobName, JobKeys.StartedByEmail, startedBy, cancellationToken);

    /// <summary>Runs a job whose queue holds work left from before the start, recorded as started by the portal's start.</summary>
    public Task<bool> RunAtStartAsync(string jobName, CancellationToken cancellationToken = default) =>
        FireAsync(jobName, JobKeys.Reason, AtStart, cancellationToken);

    public const string AtStart = "the portal's start";

    private async Task<bool> FireAsync(string jobName, string dataKey, string dataValue, CancellationToken cancellationToken)
    {
        var job = catalog.Find(jobName) ?? throw new InvalidOperationException($"There is no job named \"{jobName}\".");
        if (!await jobScheduler.IsRunningAsync(cancellationToken))
        {
            return false;
        }
        var trigger = TriggerBuilder.Create()
            .WithIdentity(JobKeys.RunNow(job.Name))
            .ForJob(JobKeys.Job(job.Name))
            .UsingJobData(dataKey, dataValue)
            .StartNow()
            .WithSimpleSchedule(once => once.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await jobScheduler.Scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
        return true;
    }
}
