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
    PortalScheduler portalScheduler,
    JobCatalog catalog,
    JobTriggers triggers,
    ActorEmails actorEmails,
    IDbContextFactory<PortalDbContext> contexts,
    ILogger<JobsService> logger)
{
    public async Task<IReadOnlyList<JobSummary>> ListAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        var scheduler = await portalScheduler.GetAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = new List<JobSummary>();
        foreach (var job in catalog.Jobs)
        {
            var key = JobKeys.Schedule(job.Name);
            var trigger = await scheduler.GetTrigger(key, cancellationToken);
            var state = await scheduler.GetTriggerState(key, cancellationToken);
            var lastRun = await db.JobRuns.AsNoTracking().Where(r => r.JobName == job.Name)
                .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            jobs.Add(new JobSummary(job.Name, job.Definition.Description, job.Schedule.Cron, job.Schedule.TimeZone.Id,
                trigger is not null, trigger?.GetNextFireTimeUtc()?.UtcDateTime, state == TriggerState.Paused,
                lastRun is null ? null : JobRunSummary.From(lastRun)));
        }
        return jobs;
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
        ChangeScheduleAsync(name, actor, "paused", (scheduler, key) => scheduler.PauseTrigger(key, cancellationToken), cancellationToken);

    /// <summary>Resumes the schedule; a run missed while paused runs once, now.</summary>
    public Task ResumeAsync(string name, PortalActor actor, CancellationToken cancellationToken = default) =>
        ChangeScheduleAsync(name, actor, "resumed", (scheduler, key) => scheduler.ResumeTrigger(key, cancellationToken), cancellationToken);

    /// <summary>Asks the scheduler to run the job at once, recorded as started by this person.</summary>
    public async Task RunNowAsync(string name, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var job = Find(name);
        var startedBy = await actorEmails.OfAsync(actor, cancellationToken);
        if (!await triggers.RunNowAsync(job.Name, startedBy, cancellationToken))
        {
            throw new InvalidOperationException($"The job scheduler runs in the web server, not here: run it with `jobs run {job.Name}`.");
        }
        logger.LogInformation("{Actor} asked to run job {Job} now", startedBy, job.Name);
    }

    private async Task ChangeScheduleAsync(string name, PortalActor actor, string change,
        Func<IScheduler, TriggerKey, Task> apply, CancellationToken cancellationToken)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var job = Find(name);
        var scheduler = await portalScheduler.GetAsync(cancellationToken);
        await apply(scheduler, JobKeys.Schedule(job.Name));
        logger.LogInformation("{Actor} {Change} the schedule of job {Job}", actor.Name, change, job.Name);
    }

    private ScheduledJob Find(string name) =>
        catalog.Find(name) ?? throw new InvalidOperationException($"There is no job named \"{name}\".");
}
