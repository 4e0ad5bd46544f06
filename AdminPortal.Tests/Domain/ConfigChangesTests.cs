using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.Schedules;

namespace AdminPortal.Tests.Domain;

public sealed class ConfigChangesTests
{
    [Fact]
    public void OnlyTheChangedFieldsAreListed()
    {
        var before = ScheduleConfig.Off with { CreateSchedules = true, HoldBackRatio = 0.1 };
        var after = before with { HoldBackRatio = 0.25, DeliverCourseUpdate = true };

        Assert.Equal(["hold_back_ratio: 0.1 → 0.25", "deliver_course_update: off → on"],
            ConfigChanges.Between(before, after).Select(c => c.ToString()));
    }

    [Fact]
    public void TheFirstVersionListsEveryField() =>
        Assert.Equal(8, ConfigChanges.Between(null, ScheduleConfig.Off).Count);

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(-0.01, false)]
    [InlineData(1.01, false)]
    [InlineData(double.NaN, false)]
    public void TheHoldBackRatioIsBetweenZeroAndOne(double ratio, bool valid) => Assert.Equal(valid, ScheduleConfig.IsValidHoldBackRatio(ratio));
}
