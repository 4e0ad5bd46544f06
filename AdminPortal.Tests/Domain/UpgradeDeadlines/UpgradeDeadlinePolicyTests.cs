using AdminPortal.Domain.UpgradeDeadlines;

namespace AdminPortal.Tests.Domain.UpgradeDeadlines;

public sealed class UpgradeDeadlinePolicyTests
{
    private const string Key = "course-v1:MITx+6.00x+2026_T1";
    private static readonly DateTime Start = new(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc);

    private static DeadlineOverride Level(string kind, int days) => kind switch
    {
        "in" => new DeadlineOverride(true, days, false),
        "out" => new DeadlineOverride(true, days, true),
        _ => DeadlineOverride.None,
    };

    // Every combination of (global enabled/disabled) x (org none/opt-in/opt-out) x (course none/opt-in/opt-out): the
    // global setting is the master switch; when it is on, the highest enabled level decides, and an opt-out there means
    // no dynamic deadline.
    [Theory]
    [InlineData(false, "none", "none", DeadlineLevel.None, null)]
    [InlineData(false, "none", "in", DeadlineLevel.None, null)]
    [InlineData(false, "none", "out", DeadlineLevel.None, null)]
    [InlineData(false, "in", "none", DeadlineLevel.None, null)]
    [InlineData(false, "in", "in", DeadlineLevel.None, null)]
    [InlineData(false, "in", "out", DeadlineLevel.None, null)]
    [InlineData(false, "out", "none", DeadlineLevel.None, null)]
    [InlineData(false, "out", "in", DeadlineLevel.None, null)]
    [InlineData(false, "out", "out", DeadlineLevel.None, null)]
    [InlineData(true, "none", "none", DeadlineLevel.Global, 21)]
    [InlineData(true, "none", "in", DeadlineLevel.Course, 7)]
    [InlineData(true, "none", "out", DeadlineLevel.Course, null)]
    [InlineData(true, "in", "none", DeadlineLevel.Org, 14)]
    [InlineData(true, "in", "in", DeadlineLevel.Course, 7)]
    [InlineData(true, "in", "out", DeadlineLevel.Course, null)]
    [InlineData(true, "out", "none", DeadlineLevel.Org, null)]
    [InlineData(true, "out", "in", DeadlineLevel.Course, 7)]
    [InlineData(true, "out", "out", DeadlineLevel.Course, null)]
    public void TheGlobalSettingIsTheMasterSwitchAndThenTheHighestEnabledLevelDecides(bool global, string org, string course, DeadlineLevel level, int? days)
    {
        var decision = UpgradeDeadlinePolicy.Decide("MITx", Key, new GlobalDeadlineConfig(global, 21), Level(org, 14), Level(course, 7));

        Assert.Equal((level, days), (decision.Level, decision.Days));
        Assert.Equal(global && (org == "out" && course == "none" || course == "out"), decision.OptedOut);
        var deadline = UpgradeDeadlinePolicy.DeadlineFor(decision, Start, hasVerifiedMode: true, verifiedExpirationUtc: null);
        Assert.Equal(days is { } d ? Start.AddDays(d) : null, deadline.DeadlineUtc);
    }

    [Fact]
    public void AnEnabledOverrideThatIsNotOptedOutUsesItsOwnDays()
    {
        var decision = UpgradeDeadlinePolicy.Decide("MITx", Key, GlobalDeadlineConfig.Off, new DeadlineOverride(false, 3, true), DeadlineOverride.None);

        Assert.Equal(DeadlineLevel.None, decision.Level);
    }

    [Fact]
    public void TheVerifiedExpirationClipsTheDeadlineAndTheSentenceSaysSo()
    {
        var decision = UpgradeDeadlinePolicy.Decide("MITx", Key, new GlobalDeadlineConfig(true, 21), Level("in", 14), DeadlineOverride.None);
        var expires = new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);

        var deadline = UpgradeDeadlinePolicy.DeadlineFor(decision, Start, true, expires);

        Assert.Equal(expires, deadline.DeadlineUtc);
        Assert.Equal("Org MITx overrides global: 14 days; verified mode expires 2026-11-10, earlier, so the deadline is 2026-11-10",
            deadline.Explanation);
    }

    [Fact]
    public void ALaterExpirationLeavesTheDaysDeadline()
    {
        var decision = UpgradeDeadlinePolicy.Decide("MITx", Key, new GlobalDeadlineConfig(true, 21), DeadlineOverride.None, DeadlineOverride.None);

        var deadline = UpgradeDeadlinePolicy.DeadlineFor(decision, Start, true, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(Start.AddDays(21), deadline.DeadlineUtc);
        Assert.Equal("Global: 21 days, so the deadline is 2026-11-22 (the verified mode expires later, 2027-01-01)", deadline.Explanation);
    }

    [Fact]
    public void ACourseWithoutAVerifiedModeGetsNoDeadline()
    {
        var decision = UpgradeDeadlinePolicy.Decide("MITx", Key, new GlobalDeadlineConfig(true, 21), DeadlineOverride.None, DeadlineOverride.None);

        var deadline = UpgradeDeadlinePolicy.DeadlineFor(decision, Start, hasVerifiedMode: false, verifiedExpirationUtc: null);

        Assert.Null(deadline.DeadlineUtc);
        Assert.Equal("Global: 21 days; the course has no verified mode, so no upgrade deadline", deadline.Explanation);
    }

    [Fact]
    public void TheSentencesNameWhoDecides()
    {
        string Reason(bool global, string org, string course) =>
            UpgradeDeadlinePolicy.Decide("MITx", Key, new GlobalDeadlineConfig(global, 21), Level(org, 14), Level(course, 7)).Reason;

        Assert.Equal("Course course-v1:MITx+6.00x+2026_T1 overrides org MITx: 7 days", Reason(true, "in", "in"));
        Assert.Equal("Course course-v1:MITx+6.00x+2026_T1 overrides global: 7 days", Reason(true, "none", "in"));
        Assert.Equal("Course course-v1:MITx+6.00x+2026_T1 overrides org MITx: 7 days", Reason(true, "out", "in"));
        Assert.Equal("Org MITx opts out", Reason(true, "out", "none"));
        Assert.Equal(UpgradeDeadlinePolicy.GlobalOff, Reason(false, "in", "in"));
        Assert.Equal(UpgradeDeadlinePolicy.GlobalOff + ", so no upgrade deadline",
            UpgradeDeadlinePolicy.DeadlineFor(UpgradeDeadlinePolicy.Decide("MITx", Key, GlobalDeadlineConfig.Off, Level("in", 14), Level("in", 7)), Start, true, null).Explanation);
    }
}
