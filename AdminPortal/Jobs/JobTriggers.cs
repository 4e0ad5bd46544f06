using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace AdminPortal.Jobs;

/// <summary>Starts a registered job at once, recorded as started by a person: "Run now" and features that hand work to a job.</summary>
public sealed class JobTriggers(JobScheduler jobScheduler, JobCatalog catalog, IDbContextFactory<PortalDbContext> contexts)
{
    private readonly SemaphoreSlim oneStartAtATime = new(1, 1);

    // Run-nows started here whose run is not recorded yet: Quartz drops a fired one-shot trigger a moment before the
    // job records its run, and a second click in that moment found nothing busy. Keyed by job: the last run's id then.
    private readonly Dictionary<string, (long LastRunId, long StartedAtTicks)> unrecordedStarts = [];

    /// <summary>
    /// A person's "Run now": refused while a run of the job waits to start or runs (a double click, two tabs, the schedule
    /// or the command line got there first), saying which. The check and the start happen under one lock, so two clicks
    /// at the same moment start one run.
    /// </summary>
    /// <returns>Null once started; else why not, in words for the person who asked.</returns>
    /// <exception cref="InvalidOperationException">This process does not run the scheduler (the command line).</exception>
    public async Task<string?> RunNowUnlessBusyAsync(string jobName, string startedBy, CancellationToken cancellationToken = default)
    {
        await oneStartAtATime.WaitAsync(cancellationToken);
        try
        {
            if (await WhyBusyAsync(jobName, cancellationToken) is { } busy)
            {
                return busy;
            }
            var lastRunId = await LastRunIdAsync(jobName, cancellationToken);
            if (!await RunNowAsync(jobName, startedBy, cancellationToken))
            {
                throw new InvalidOperationException($"The job scheduler runs in the web server, not here: run it with `jobs run {jobName}`.");
            }
            unrecordedStarts[jobName] = (lastRunId, Environment.TickCount64);
            return null;
        }
        finally
        {
            oneStartAtATime.Release();
        }
    }

    private async Task<long> LastRunIdAsync(string jobName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.JobRuns.Where(r => r.JobName == jobName).MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
    }

    private async Task<string?> WhyBusyAsync(string jobName, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var running = await db.JobRuns.AsNoTracking().Where(r => r.JobName == jobName && r.Status == Domain.Jobs.JobRunStatus.Running)
                .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            if (running is not null)
            {
                return $"{jobName} is already running: run {running.Id}, started {running.StartedAtUtc:yyyy-MM-dd HH:mm} UTC by " +
                    $"{running.DescribeStarter()}. Wait for it to end.";
            }
        }
        if (unrecordedStarts.TryGetValue(jobName, out var started) && Environment.TickCount64 - started.StartedAtTicks < 30_000
            && await LastRunIdAsync(jobName, cancellationToken) == started.LastRunId)
        {
            return $"{jobName} is already starting: its run appears in a moment.";
        }
        var scheduler = jobScheduler.Scheduler;
        // Executing: fired and not yet recorded as a run; waiting: a run-now not yet fired (a fired one stays a moment as Complete).
        var busy = (await scheduler.QueryFireInstances(new FireInstanceQuery { Job = JobKeys.Job(jobName) }, cancellationToken)).Items.Count > 0;
        foreach (var trigger in (await scheduler.GetTriggersOfJob(JobKeys.Job(jobName), cancellationToken)).Where(t => t.Key.Group == JobKeys.RunNowGroup))
        {
            busy |= await scheduler.GetTriggerState(trigger.Key, cancellationToken) is TriggerState.Normal or TriggerState.Blocked;
        }
        return busy ? $"{jobName} is already starting: its run appears in a moment." : null;
    }

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
