using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using AdminPortal.Hosting.Processes;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Jobs;

/// <summary>Writes the JobRun rows: one when a run starts, its outcome when it ends, each in its own context.</summary>
public sealed class JobRunRecorder(IDbContextFactory<PortalDbContext> contexts, ThisProcess process, TimeProvider clock, UntilDatabaseReturns untilBack)
{
    public async Task<long> StartAsync(string jobName, JobStart start, CancellationToken cancellationToken)
    {
        var owner = await process.OwnerIdAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = JobRun.Start(jobName, start.Trigger, start.StartedBy, start.Email, clock.GetUtcNow().UtcDateTime, owner);
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    /// <param name="error">Null when the run succeeded.</param>
    public Task<JobRun> FinishAsync(long runId, JobRunContext context, string? error) =>
        // Recorded even when the run was cancelled, so the outcome is never lost with the token, nor with an outage.
        untilBack.WriteAsync($"the end of job run {runId}", () => WriteFinishAsync(runId, context, error));

    private async Task<JobRun> WriteFinishAsync(long runId, JobRunContext context, string? error)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var run = await db.JobRuns.SingleAsync(r => r.Id == runId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            run.Succeed(now, context.Counts, context.StoredLines());
        }
        else
        {
            run.Fail(now, error, context.Counts, context.StoredLines());
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return run;
    }

    /// <summary>Forgets a run that found no work (<see cref="JobDefinition.KeepIdleRuns"/>); the caller still gets its outcome.</summary>
    public Task<JobRun> DiscardAsync(long runId, JobRunContext context) =>
        untilBack.WriteAsync($"the end of job run {runId}", () => WriteDiscardAsync(runId, context));

    private async Task<JobRun> WriteDiscardAsync(long runId, JobRunContext context)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var run = await db.JobRuns.SingleAsync(r => r.Id == runId);
        db.JobRuns.Remove(run);
        await db.SaveChangesAsync(CancellationToken.None);
        run.Succeed(clock.GetUtcNow().UtcDateTime, context.Counts, []);
        return run;
    }

    /// <summary>Deletes finished runs that started before <paramref name="cutoffUtc"/>, with their log lines.</summary>
    public async Task<(int Runs, int LogLines)> PruneAsync(DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var old = db.JobRuns.Where(r => r.StartedAtUtc < cutoffUtc && r.Status != JobRunStatus.Running);
        var lines = await db.JobRunLogLines.Where(l => old.Any(r => r.Id == l.JobRunId)).ExecuteDeleteAsync(cancellationToken);
        var runs = await old.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (runs, lines);
    }
}
