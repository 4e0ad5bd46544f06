using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.Accounts;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace AdminPortal.Features.Jobs;

/// <summary>The Jobs page and <c>jobs list</c>: read by Superusers and Staff; pause, resume and "Run now" are for Superusers.</summary>
public sealed class JobsService(
    JobScheduler jobScheduler,
    JobCatalog catalog,
    JobTriggers triggers,
    ActorEmails actorEmails,
    IDbContextFactory<PortalDbContext> contexts,
    ILogger<JobsService> logger)
{
    /// <summary>Two queries whatever the number of jobs: the schedules' triggers with their states, and each job's last run.</summary>
    public async Task<IReadOnlyList<JobSummary>> ListAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        var scheduler = jobScheduler.Scheduler;
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(JobKeys.ScheduleGroup) }, cancellationToken))
            .Items.ToDictionary(t => t.Key.Name, StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lastRunIds = db.JobRuns.GroupBy(r => r.JobName).Select(g => g.Max(r => r.Id));
        var lastRuns = await db.JobRuns.AsNoTracking().Where(r => lastRunIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.JobName, StringComparer.Ordinal, cancellationToken);
        return catalog.Jobs.Select(job =>
        {
            var trigger = triggers.GetValueOrDefault(job.Name);
            var lastRun = lastRuns.GetValueOrDefault(job.Name);
            return new JobSummary(job.Name, job.Definition.Description, job.Schedule.Cron, job.Schedule.TimeZone.Id,
                trigger is not null, trigger?.NextFireTimeUtc?.UtcDateTime, trigger?.State == TriggerState.Paused,
                lastRun is null ? null : JobRunSummary.From(lastRun));
        }).ToList();
    }

    public async Task<IReadOnlyList<JobRunSummary>> RecentRunsAsync(PortalActor actor, int count = 20, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.JobRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
        return runs.Select(JobRunSummary.From).ToList();
    }

    /// <summary>The newest runs of one job with their counts and errors, for a feature's own page (catalog sync, metrics).</summary>
    public async Task<IReadOnlyList<JobRun>> RunsOfAsync(string jobName, PortalActor actor, int count = 10, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.JobRuns.AsNoTracking().Where(r => r.JobName == jobName).OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }

    public async Task<JobRunDetail?> GetRunAsync(long id, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.JobRuns.AsNoTracking().Include(r => r.LogLines).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? null : new JobRunDetail(JobRunSummary.From(run), run.Trigger, run.Counts, run.Error,
            run.LogLines.OrderBy(l => l.Id).Select(l => new JobRunLogLineView(l.AtUtc, l.Level, l.Message)).ToList());
    }

    /// <summary>Stops the job's schedule (a "Run now" still runs it); the pause outlives restarts.</summary>
    public Task PauseAsync(string name, PortalActor actor, CancellationToken cancellationToken = default) =>
        ChangeScheduleAsync(name, actor, "paused", async (scheduler, key) => await scheduler.PauseTrigger(key, cancellationToken), cancellationToken);

    /// <summary>Resumes the schedule; a run missed while paused runs once, now.</summary>
    public Task ResumeAsync(string name, PortalActor actor, CancellationToken cancellationToken = default) =>
        ChangeScheduleAsync(name, actor, "resumed", async (scheduler, key) => await scheduler.ResumeTrigger(key, cancellationToken), cancellationToken);

    /// <summary>Asks the scheduler to run the job at once, recorded as started by this person; refused while a run waits or runs.</summary>
    /// <exception cref="InvalidOperationException">A run of the job waits to start or runs (the message says which), or this process runs no scheduler.</exception>
    public async Task RunNowAsync(string name, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var job = Find(name);
        var startedBy = await actorEmails.OfAsync(actor, cancellationToken);
        if (await triggers.RunNowUnlessBusyAsync(job.Name, startedBy, cancellationToken) is { } busy)
        {
            throw new InvalidOperationException(busy);
        }
        logger.LogInformation("{Actor} asked to run job {Job} now", startedBy, job.Name);
    }

    private async Task ChangeScheduleAsync(string name, PortalActor actor, string change,
        Func<IScheduler, TriggerKey, Task> apply, CancellationToken cancellationToken)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var job = Find(name);
        var scheduler = jobScheduler.Scheduler;
        await apply(scheduler, JobKeys.Schedule(job.Name));
        logger.LogInformation("{Actor} {Change} the schedule of job {Job}", actor.Name, change, job.Name);
    }

    private ScheduledJob Find(string name) =>
        catalog.Find(name) ?? throw new InvalidOperationException($"There is no job named \"{name}\".");
}
