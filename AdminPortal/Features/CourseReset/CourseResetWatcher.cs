using System.Collections.Concurrent;
using AdminPortal.Data;
using AdminPortal.Domain.CourseReset;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.CourseReset;

/// <summary>
/// The live status of open reset tabs. Each tab watches its learner; once a second one query reads the resets of every
/// watched learner together (whatever the number of tabs, and none when no tab is open), and each tab whose learner's
/// resets changed is handed their latest resets, by course.
/// </summary>
public sealed class CourseResetWatcher(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, ILogger<CourseResetWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Subscription> subscriptions = new();
    private readonly SemaphoreSlim polling = new(1, 1);
    private Dictionary<(int LearnerId, int CourseId), (long Id, CourseResetStatus Status, DateTime ModifiedUtc)> seen = [];

    public int Watching => subscriptions.Count;

    /// <param name="onChange">Called with the learner's latest reset per course id when one of them changed.</param>
    /// <returns>Dispose it when the tab closes or looks at another learner.</returns>
    public IDisposable Watch(int learnerId, Func<IReadOnlyDictionary<int, CourseResetAudit>, Task> onChange)
    {
        var id = Guid.NewGuid();
        subscriptions[id] = new Subscription(learnerId, onChange);
        return new Unsubscriber(() => subscriptions.TryRemove(id, out _));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A busy database or a failing tab must not end live updates for everyone; the next tick tries again.
                logger.LogWarning(e, "Reading the watched learners' resets failed; trying again in {Interval}", Interval);
            }
        }
    }

    /// <summary>One round: one query for all watched learners, then the tabs whose learner changed are told.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        await polling.WaitAsync(cancellationToken);
        try
        {
            var watched = subscriptions.Values.Select(s => s.LearnerId).Distinct().ToList();
            if (watched.Count == 0)
            {
                seen = [];
                return;
            }
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var latest = await CourseResetService.LatestAuditsAsync(db, watched, cancellationToken);
            var now = latest.ToDictionary(p => p.Key, p => (p.Value.Id, p.Value.Status, p.Value.ModifiedUtc));
            var changed = now.Where(p => !seen.TryGetValue(p.Key, out var before) || before != p.Value).Select(p => p.Key.LearnerId).ToHashSet();
            seen = now;
            // A tab that started watching since the last round gets the current state once: a change between its own read
            // and its Watch call would otherwise wait for the next change.
            foreach (var subscription in subscriptions.Values.Where(s => changed.Contains(s.LearnerId) || s.IsNew))
            {
                subscription.IsNew = false;
                var audits = latest.Where(p => p.Key.LearnerId == subscription.LearnerId).ToDictionary(p => p.Key.CourseId, p => p.Value);
                await NotifyAsync(subscription, audits);
            }
        }
        finally
        {
            polling.Release();
        }
    }

    private async Task NotifyAsync(Subscription subscription, IReadOnlyDictionary<int, CourseResetAudit> audits)
    {
        try
        {
            await subscription.OnChange(audits);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A reset tab watching learner {LearnerId} could not be updated", subscription.LearnerId);
        }
    }

    public override void Dispose()
    {
        polling.Dispose();
        base.Dispose();
    }

    private sealed class Subscription(int learnerId, Func<IReadOnlyDictionary<int, CourseResetAudit>, Task> onChange)
    {
        public int LearnerId { get; } = learnerId;

        public Func<IReadOnlyDictionary<int, CourseResetAudit>, Task> OnChange { get; } = onChange;

        public volatile bool IsNew = true;
    }

    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
