using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// At the web server's start, a run still marked running died with the last process: it is marked failed, so no run
/// looks busy forever. What it queued stays queued, and the next run of the site delivers it.
/// </summary>
public sealed class MessageRunRecovery(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, ILogger<MessageRunRecovery> logger) : IHostedService
{
    public const string Interrupted = "interrupted: the portal stopped; what it queued goes out with the next run";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stuck = await db.MessageRuns.Where(r => r.Status == MessageRunStatus.Running).ToListAsync(cancellationToken);
        foreach (var run in stuck)
        {
            run.Finish(MessageRunStatus.Failed, Interrupted, clock.GetUtcNow().UtcDateTime);
            logger.LogWarning("Message run {RunId} ({Kind} for {Site} on {RunDate}) was interrupted; marked failed", run.Id, run.Kind, run.SiteDomain, run.RunDate);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
