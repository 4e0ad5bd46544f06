using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Features.CourseReset;
using AdminPortal.Tests.Support;
using static AdminPortal.Tests.Support.CourseResetWorld;

namespace AdminPortal.Tests.Features.CourseReset;

/// <summary>Live status for open reset tabs: one query per round for all of them, and only the tabs whose learner changed hear of it.</summary>
[RunsOnPostgreSql]
public sealed class CourseResetWatcherTests : IAsyncLifetime
{
    private static readonly PortalActor Support = new("support-id", "sam@example.org", [PortalRoles.Support]);
    private readonly SqlCounter sql = new();
    private PortalServices portal = default!;

    private CourseResetWatcher Watcher => portal.Get<CourseResetWatcher>();

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(services => sql.AddTo(services));
        await SeedAsync(portal.Services);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<int> LearnerIdAsync(string username) => (await portal.Get<CourseResetService>().FindAsync(username, Support)).Learner!.Id;

    [Fact]
    public async Task AHundredOpenTabsCostOneQueryPerRoundAndOnlyTheChangedLearnersTabsAreTold()
    {
        var (ada, bob) = (await LearnerIdAsync("ada"), await LearnerIdAsync("bob"));
        var heard = new int[100];
        var latest = new IReadOnlyDictionary<int, CourseResetAudit>?[100];
        var tabs = Enumerable.Range(0, 100).Select(i => Watcher.Watch(i % 2 == 0 ? ada : bob, audits =>
        {
            Interlocked.Increment(ref heard[i]);
            latest[i] = audits;
            return Task.CompletedTask;
        })).ToList();
        await Watcher.PollAsync(CancellationToken.None);
        Array.Clear(heard);

        await portal.Get<CourseResetService>().ResetAsync("bob", new ResetRequest(Running, "Retake"), Support);
        sql.Reset();
        await Watcher.PollAsync(CancellationToken.None);
        var queries = sql.Count;
        await Watcher.PollAsync(CancellationToken.None);

        Assert.Equal(1, queries);
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(i % 2 == 1 ? 1 : 0, heard[i]));
        Assert.Equal(CourseResetStatus.Enqueued, Assert.Single(latest[1]!).Value.Status);
        tabs.ForEach(t => t.Dispose());
        Assert.Equal(0, Watcher.Watching);
    }

    [Fact]
    public async Task AResetAskedOnAnotherInstanceReachesThisInstancesTabOnItsNextRound()
    {
        using var directory = TestDirectory.CreateMigrated("watcher-instances");
        await using var thisInstance = await PortalServices.StartOnAsync(directory);
        await using var another = await PortalServices.StartOnAsync(directory);
        await SeedAsync(thisInstance.Services);
        var bob = (await thisInstance.Get<CourseResetService>().FindAsync("bob", Support)).Learner!.Id;
        var watcher = thisInstance.Get<CourseResetWatcher>();
        IReadOnlyDictionary<int, CourseResetAudit>? told = null;
        using var tab = watcher.Watch(bob, audits => Task.FromResult(told = audits));
        await watcher.PollAsync(CancellationToken.None);

        await another.Get<CourseResetService>().ResetAsync("bob", new ResetRequest(Running, "Retake"), Support);
        await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(CourseResetStatus.Enqueued, Assert.Single(told!).Value.Status);
    }

    [Fact]
    public async Task NobodyWatchingMeansNoQuery()
    {
        Watcher.Watch(await LearnerIdAsync("ada"), _ => Task.CompletedTask).Dispose();
        sql.Reset();

        await Watcher.PollAsync(CancellationToken.None);

        Assert.Equal(0, sql.Count);
    }

    [Fact]
    public async Task ATabThatFailsDoesNotStopTheOthers()
    {
        var bob = await LearnerIdAsync("bob");
        var told = 0;
        using var broken = Watcher.Watch(bob, _ => throw new InvalidOperationException("the circuit is gone"));
        using var fine = Watcher.Watch(bob, _ => Task.FromResult(Interlocked.Increment(ref told)));

        await portal.Get<CourseResetService>().ResetAsync("bob", new ResetRequest(Running, "Retake"), Support);
        await Watcher.PollAsync(CancellationToken.None);

        Assert.Equal(1, told);
    }
}
