using AdminPortal.Domain;
using AdminPortal.Domain.Metrics;

namespace AdminPortal.Tests.Domain.Metrics;

public sealed class MetricRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void NoneOrTodayMeansYesterday()
    {
        Assert.Equal(new DateOnly(2026, 12, 1), MetricRules.DayFor(null, Today));
        Assert.Equal(new DateOnly(2026, 12, 1), MetricRules.DayFor(Today, Today));
    }

    [Fact]
    public void APastDayIsItself() => Assert.Equal(new DateOnly(2026, 3, 4), MetricRules.DayFor(new DateOnly(2026, 3, 4), Today));

    [Fact]
    public void AFutureDayIsRefused() =>
        Assert.Equal("2026-12-03 is in the future: metrics are computed for days that are over.",
            Assert.Throws<DomainException>(() => MetricRules.DayFor(new DateOnly(2026, 12, 3), Today)).Message);

    [Fact]
    public void ARangeListsItsDaysInOrderEndingYesterdayAtTheLatest()
    {
        Assert.Equal([new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1)],
            MetricRules.Range(new DateOnly(2026, 11, 29), Today, Today));
        Assert.Throws<DomainException>(() => MetricRules.Range(new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 28), Today));
        Assert.Throws<DomainException>(() => MetricRules.Range(new DateOnly(2025, 1, 1), new DateOnly(2026, 11, 28), Today));
        Assert.Throws<DomainException>(() => MetricRules.Range(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 24), Today));
    }

    [Theory]
    [InlineData(5.0, 0.0, "new")]
    [InlineData(0.0, 0.0, "no change")]
    [InlineData(150.0, 100.0, "+50%")]
    [InlineData(0.0, 40.0, "-100%")]
    [InlineData(40.0, 40.0, "0%")]
    [InlineData(40.0, null, "no data")]
    public void MonthOverMonthSaysNewRatherThanInfinity(double current, double? previous, string change) =>
        Assert.Equal(change, MetricRules.Change(current, previous));
}
