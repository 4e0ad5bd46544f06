using AdminPortal.Hosting;
using Quartz;

namespace AdminPortal.Jobs;

/// <summary>
/// Makes the job store match the registered jobs and their configured schedules, the last start-up step before the
/// scheduler starts. A trigger whose schedule is unchanged is left alone, so a run missed while the portal was down still
/// counts as missed (and runs once, at start); a changed one is replaced and keeps its paused state.
/// </summary>
internal sealed class JobScheduleSync(JobScheduler jobScheduler, JobCatalog catalog, ILogger<JobScheduleSync> logger) : IStartupStep
{
    public StartupStage Stage => StartupStage.Schedule;

    /// <summary>A command only reads the store: the web server owns the schedule.</summary>
    public bool RunsBeforeCommands => false;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var scheduler = jobScheduler.Scheduler;
        foreach (var job in catalog.Jobs)
        {
            var detail = JobBuilder.Create<PortalQuartzJob>()
                .WithIdentity(JobKeys.Job(job.Name))
                .WithDescription(job.Definition.Description)
                .StoreDurably()
                .Build();
            await scheduler.AddJob(detail, AddJobOptions.Replacing, cancellationToken);
            await ScheduleAsync(scheduler, job, cancellationToken);
        }
        var stored = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(JobKeys.JobGroup) }, cancellationToken);
        foreach (var stale in stored.Items.Select(j => j.Key).Where(key => catalog.Find(key.Name) is null))
        {
            await scheduler.DeleteJob(stale, cancellationToken);
            logger.LogWarning("Removed job {Job} from the job store: no feature registers it any more", stale.Name);
        }
    }

    private async Task ScheduleAsync(IScheduler scheduler, ScheduledJob job, CancellationToken cancellationToken)
    {
        var key = JobKeys.Schedule(job.Name);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(JobKeys.Job(job.Name))
            .WithCronSchedule(job.Schedule.Cron, cron => cron
                .InTimeZone(job.Schedule.TimeZone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        switch (await scheduler.GetTrigger(key, cancellationToken))
        {
            case null:
                // Keep: of two instances starting at once, one stores the trigger and the other leaves it be.
                await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
                logger.LogInformation("Scheduled job {Job}: {Schedule}", job.Name, job.Schedule);
                break;
            case ICronTrigger stored when Matches(stored, job.Schedule):
                break;
            case var stored:
                var paused = await scheduler.GetTriggerState(key, cancellationToken) == TriggerState.Paused;
                await scheduler.RescheduleJob(key, trigger, cancellationToken);
                if (paused)
                {
                    await scheduler.PauseTrigger(key, cancellationToken);
                }
                logger.LogInformation("Rescheduled job {Job}: {Schedule} (was {Previous}){Paused}", job.Name, job.Schedule,
                    stored is ICronTrigger cron ? $"{cron.CronExpressionString} ({cron.TimeZone.Id})" : stored.GetType().Name,
                    paused ? ", still paused" : "");
                break;
        }
    }

    private static bool Matches(ICronTrigger stored, JobSchedule schedule) =>
        stored.CronExpressionString == schedule.Cron
        && stored.TimeZone.Id == schedule.TimeZone.Id
        && stored.MisfireInstruction == CronTriggerMisfireInstruction.FireAndProceed;
}
