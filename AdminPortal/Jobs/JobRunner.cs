using AdminPortal.Data;
using AdminPortal.Domain.Jobs;

namespace AdminPortal.Jobs;

/// <summary>Runs one job and records it: the scheduler calls it for every firing, <c>jobs run</c> directly.</summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobRunRecorder recorder, TimeProvider clock, ILoggerFactory loggers)
{
    /// <summary>Runs the job in a scope of its own.</summary>
    public async Task<JobRun> RunAsync(ScheduledJob job, JobStart start, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await RunAsync(job, start, scope.ServiceProvider, cancellationToken);
    }

    /// <param name="services">The run's own scope, from which the job and what it needs are resolved.</param>
    public async Task<JobRun> RunAsync(ScheduledJob job, JobStart start, IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(job.Definition.JobType);
        var runId = await recorder.StartAsync(job.Name, start, cancellationToken);
        var context = new JobRunContext(runId, job.Name, start, clock, logger);
        try
        {
            var instance = (IPortalJob)services.GetRequiredService(job.Definition.JobType);
            await instance.ExecuteAsync(context, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {Job} run {RunId} failed", job.Name, runId);
            var reason = DatabaseErrors.Reason(e);
            context.Error(reason);
            return await recorder.FinishAsync(runId, context, reason);
        }
        if (!job.Definition.KeepIdleRuns && context.IsIdle)
        {
            return await recorder.DiscardAsync(runId, context);
        }
        return await recorder.FinishAsync(runId, context, error: null);
    }
}
