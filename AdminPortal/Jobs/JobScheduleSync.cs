using Quartz;
using Quartz.Impl.Matchers;

namespace AdminPortal.Jobs;

/// <summary>
/// Makes the job store match the registered jobs and their configured schedules. A trigger whose schedule is unchanged
/// is left alone, so a run missed while the portal was down still counts as missed (and runs once, at start); a changed
/// one is replaced and keeps its paused state.
/// </summary>
internal sealed class JobScheduleSync(JobCatalog catalog, ILogger<JobScheduleSync> logger)
{
    public async Task ApplyAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        foreach (var job in catalog.Jobs)
        {
            var detail = JobBuilder.Create<PortalQuartzJob>()
                .WithIdentity(JobKeys.Job(job.Name))
                .WithDescription(job.Definition.Description)
                .StoreDurably()
                .Build();
            await scheduler.AddJob(detail, replace: true, cancellationToken);
            await ScheduleAsync(scheduler, job, cancellationToken);
        }
        foreach (var stale in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKeys.JobGroup), cancellationToken))
        {
            if (catalog.Find(stale.Name) is null)
            {
                await scheduler.DeleteJob(stale, cancellationToken);
                logger.LogWarning("Removed job {Job} from the job store: no feature registers it any more", stale.Name);
            }
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
                .WithMisfireHandlingInstructionFireAndProceed())
            .Build();
        switch (await scheduler.GetTrigger(key, cancellationToken))
        {
            case null:
                await scheduler.ScheduleJob(trigger, cancellationToken);
                logger.LogInformation("Scheduled job {Job}: {Schedule}", job.Name, job.Schedule);
                break;
            case ICronTrigger stored when Matches(stored, job.Schedule, trigger):
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

    private static bool Matches(ICronTrigger stored, JobSchedule schedule, ITrigger wanted) =>
        stored.CronExpressionString == schedule.Cron
        && stored.TimeZone.Id == schedule.TimeZone.Id
        && stored.MisfireInstruction == wanted.MisfireInstruction;
}
