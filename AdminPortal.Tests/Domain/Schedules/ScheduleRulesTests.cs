using AdminPortal.Domain.Schedules;
using AdminPortal.Domain.UpgradeDeadlines;

namespace AdminPortal.Tests.Domain.Schedules;

public sealed class ScheduleRulesTests
{
    private static readonly DateTime CourseStart = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ScheduleConfig On = ScheduleConfig.Off with { CreateSchedules = true };

    private sealed class Fixed(params double[] draws) : IRandomSource
    {
        private int next;

        public double NextDouble() => draws[next++ % draws.Length];
    }

    private sealed class Seeded(int seed) : IRandomSource
    {
        private readonly Random random = new(seed);

        public double NextDouble() => random.NextDouble();
    }

    private static ScheduleCourse Course(bool selfPaced = true, bool overrideOn = false, bool highlights = false, bool verified = true) =>
        new(selfPaced, CourseStart, overrideOn, highlights,
            UpgradeDeadlinePolicy.Decide("MITx", "course-v1:MITx+1+1", new GlobalDeadlineConfig(true, 21), DeadlineOverride.None, DeadlineOverride.None),
            verified, null);

    [Fact]
    public void AnInstructorPacedCourseGetsNoSchedule() =>
        Assert.Equal(ScheduleSkipReason.NotSelfPaced, ScheduleRules.Decide(On, Course(selfPaced: false), CourseStart, new Fixed(0.5)).Skipped);

    [Fact]
    public void CreationOffSkipsUnlessTheCourseOverrideIsOn()
    {
        Assert.Equal(ScheduleSkipReason.CreationOff, ScheduleRules.Decide(ScheduleConfig.Off, Course(), CourseStart, new Fixed(0.5)).Skipped);
        Assert.NotNull(ScheduleRules.Decide(ScheduleConfig.Off, Course(overrideOn: true), CourseStart, new Fixed(0.5)).Plan);
    }

    [Theory]
    [InlineData(0.0, 0.0, false)]
    [InlineData(1.0, 0.999, true)]
    [InlineData(0.25, 0.24, true)]
    [InlineData(0.25, 0.25, false)]
    public void TheHoldBackDrawSuppressesCreationBelowTheRatio(double ratio, double draw, bool heldBack)
    {
        var decision = ScheduleRules.Decide(On with { HoldBackRatio = ratio }, Course(), CourseStart, new Fixed(draw));

        Assert.Equal(heldBack ? ScheduleSkipReason.HeldBack : null, decision.Skipped);
    }

    [Fact]
    public void ASeededDrawHoldsBackAboutTheRatio()
    {
        var random = new Seeded(42);
        var held = Enumerable.Range(0, 10_000).Count(_ =>
            ScheduleRules.Decide(On with { HoldBackRatio = 0.3 }, Course(), CourseStart, random).Skipped == ScheduleSkipReason.HeldBack);

        Assert.InRange(held, 2800, 3200);
    }

    [Fact]
    public void TheStartIsTheLaterOfEnrollmentAndCourseStart()
    {
        var early = ScheduleRules.Decide(On, Course(), CourseStart.AddDays(-10), new Fixed(0.5)).Plan!;
        var late = ScheduleRules.Decide(On, Course(), CourseStart.AddDays(3).AddMilliseconds(750), new Fixed(0.5)).Plan!;

        Assert.Equal(CourseStart, early.StartUtc);
        Assert.Equal(CourseStart.AddDays(3), late.StartUtc);
        Assert.Equal(CourseStart.AddDays(24), late.UpgradeDeadlineUtc);
    }

    [Fact]
    public void HighlightsChooseTheCourseUpdatesExperience()
    {
        Assert.Equal(ScheduleExperience.CourseUpdates, ScheduleRules.Plan(Course(highlights: true), CourseStart).Experience);
        Assert.Equal(ScheduleExperience.RecurringNudgeAndUpgradeReminder, ScheduleRules.Plan(Course(), CourseStart).Experience);
    }

    [Fact]
    public void NoVerifiedModeMeansNoDeadline() => Assert.Null(ScheduleRules.Plan(Course(verified: false), CourseStart).UpgradeDeadlineUtc);
}
