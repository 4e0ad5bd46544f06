using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.Schedules;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Configuration;

[RunsOnPostgreSql]
public sealed class ConfigStoreTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private ConfigStore store = default!;
    private static readonly PortalActor Ada = new("1", "Ada", [PortalRoles.Superuser]);
    private static readonly PortalActor Bob = new("2", "Bob", [PortalRoles.Superuser]);

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        store = portal.Get<ConfigStore>();
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task EverySaveAddsAVersionAndTheNewestIsInForce()
    {
        var first = await store.SaveAsync(ConfigKind.ScheduleConfig, "1", ScheduleConfig.Off with { CreateSchedules = true }, 0, Ada);
        var second = await store.SaveAsync(ConfigKind.ScheduleConfig, "1", first.Value!.Values with { HoldBackRatio = 0.2 }, 1, Bob);

        var current = await store.CurrentAsync(ConfigKind.ScheduleConfig, "1", ScheduleConfig.Off);
        var history = await store.HistoryAsync<ScheduleConfig>(ConfigKind.ScheduleConfig, "1");

        Assert.Equal((2, "Bob", 0.2), (current.Version, current.ChangedBy, current.Values.HoldBackRatio));
        Assert.Equal([2, 1], history.Select(h => h.Version));
        Assert.Equal(["hold_back_ratio: 0 → 0.2"], history[0].Changes.Select(c => c.ToString()));
        Assert.Equal(8, history[1].Changes.Count);
        Assert.True(second.Succeeded);
    }

    [Fact]
    public async Task ASaveBasedOnAStaleVersionIsRefusedNamingWhoChangedIt()
    {
        await store.SaveAsync(ConfigKind.ScheduleConfig, "1", ScheduleConfig.Off, 0, Ada);
        await store.SaveAsync(ConfigKind.ScheduleConfig, "1", ScheduleConfig.Off with { CreateSchedules = true }, 1, Ada);

        var stale = await store.SaveAsync(ConfigKind.ScheduleConfig, "1", ScheduleConfig.Off with { DeliverCourseUpdate = true }, 1, Bob);

        var error = Assert.Single(stale.Errors);
        Assert.Matches(@"^This setting was changed by Ada at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; reload", error.Message);
        Assert.Equal(2, (await store.CurrentAsync(ConfigKind.ScheduleConfig, "1", ScheduleConfig.Off)).Version);
    }

    [Fact]
    public async Task TwoSavesAtOnceFromTheSameVersionLeaveOneWinner()
    {
        var results = await Task.WhenAll(
            Task.Run(() => store.SaveAsync(ConfigKind.OrgDeadline, "MITx", new DeadlineOverride(true, 10, false), 0, Ada)),
            Task.Run(() => store.SaveAsync(ConfigKind.OrgDeadline, "MITx", new DeadlineOverride(true, 20, false), 0, Bob)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(await store.HistoryAsync<DeadlineOverride>(ConfigKind.OrgDeadline, "MITx"));
    }

    [Fact]
    public async Task RestoringAnOldVersionAddsItAgainAsTheNewest()
    {
        await store.SaveAsync(ConfigKind.ScheduleConfig, "1", ScheduleConfig.Off with { HoldBackRatio = 0.1 }, 0, Ada);
        await store.SaveAsync(ConfigKind.ScheduleConfig, "1", ScheduleConfig.Off with { HoldBackRatio = 0.5 }, 1, Ada);

        var restored = await store.RestoreAsync<ScheduleConfig>(ConfigKind.ScheduleConfig, "1", 1, 2, Bob);

        Assert.Equal((3, 0.1), (restored.Value!.Version, restored.Value.Values.HoldBackRatio));
        Assert.Equal(3, (await store.HistoryAsync<ScheduleConfig>(ConfigKind.ScheduleConfig, "1")).Count);
    }

    [Fact]
    public async Task SavingTheSameValuesAddsNoVersion()
    {
        await store.SaveAsync(ConfigKind.GlobalDeadline, "", new GlobalDeadlineConfig(true, 21), 0, Ada);

        var again = await store.SaveAsync(ConfigKind.GlobalDeadline, "", new GlobalDeadlineConfig(true, 21), 1, Bob);

        Assert.Equal((1, "Ada"), (again.Value!.Version, again.Value.ChangedBy));
    }

    [Fact]
    public async Task AllCurrentGivesTheNewestVersionOfEachKey()
    {
        await store.SaveAsync(ConfigKind.OrgDeadline, "MITx", new DeadlineOverride(true, 10, false), 0, Ada);
        await store.SaveAsync(ConfigKind.OrgDeadline, "MITx", new DeadlineOverride(true, 12, false), 1, Ada);
        await store.SaveAsync(ConfigKind.OrgDeadline, "HarvardX", new DeadlineOverride(true, 30, true), 0, Ada);

        var all = await store.AllCurrentAsync<DeadlineOverride>(ConfigKind.OrgDeadline);

        Assert.Equal([("HarvardX", 30), ("MITx", 12)], all.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Values.DeadlineDays)));
    }
}
