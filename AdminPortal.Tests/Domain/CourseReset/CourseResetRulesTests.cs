using AdminPortal.Domain;
using AdminPortal.Domain.CourseReset;

namespace AdminPortal.Tests.Domain.CourseReset;

public sealed class CourseResetRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly ResetFacts Running = new(Now.AddDays(-30), Now.AddDays(30), HasPassingGrade: false);

    private static CourseResetAudit Audit(DateTime createdUtc, string by = "sam@example.org") => new(1, 2, 3, by, "Retake after illness", createdUtc);

    private static CourseResetAudit Started(DateTime createdUtc)
    {
        var audit = Audit(createdUtc);
        audit.Start(createdUtc.AddMinutes(1));
        return audit;
    }

    [Fact]
    public void ARunningCourseWithoutPassingGradeOrResetIsAvailable() =>
        Assert.Equal(new ResetEligibility(true, "Available"), CourseResetRules.Evaluate(Running, null, Now));

    [Fact]
    public void ACourseNotStartedComesFirst() =>
        Assert.Equal(new ResetEligibility(false, "Course Not Started"),
            CourseResetRules.Evaluate(Running with { CourseStartUtc = Now.AddMinutes(1), HasPassingGrade = true }, Started(Now.AddDays(-1)), Now));

    [Fact]
    public void AnEndedCourseWithAPassingGradeIsCourseEnded() =>
        Assert.Equal(new ResetEligibility(false, "Course Ended"), CourseResetRules.Evaluate(Running with { CourseEndUtc = Now, HasPassingGrade = true }, null, Now));

    [Fact]
    public void ACourseWithoutEndNeverEnds() =>
        Assert.True(CourseResetRules.Evaluate(Running with { CourseEndUtc = null }, null, Now.AddYears(10)).CanReset);

    [Fact]
    public void APassingGradeBlocksEvenAfterAFailedReset()
    {
        var failed = Audit(Now.AddDays(-1));
        failed.Fail("disk full", Now.AddDays(-1));

        Assert.Equal(new ResetEligibility(false, "Learner Has Passing Grade"), CourseResetRules.Evaluate(Running with { HasPassingGrade = true }, failed, Now));
    }

    [Fact]
    public void EachLatestResetStateSaysWhoAndWhen()
    {
        var enqueued = Audit(new DateTime(2026, 5, 30, 9, 5, 0, DateTimeKind.Utc));
        var inProgress = Started(new DateTime(2026, 5, 30, 9, 5, 0, DateTimeKind.Utc));
        var complete = Started(new DateTime(2026, 5, 30, 9, 5, 0, DateTimeKind.Utc));
        complete.Complete(new DateTime(2026, 5, 30, 9, 8, 0, DateTimeKind.Utc));
        var failed = Started(new DateTime(2026, 5, 30, 9, 5, 0, DateTimeKind.Utc));
        failed.Fail("disk full", new DateTime(2026, 5, 30, 9, 7, 0, DateTimeKind.Utc));

        Assert.Equal(new ResetEligibility(false, "Enqueued - Created 2026-05-30 09:05 UTC by sam@example.org"), CourseResetRules.Evaluate(Running, enqueued, Now));
        Assert.Equal(new ResetEligibility(false, "In progress - Started on 2026-05-30 09:06 UTC by sam@example.org"), CourseResetRules.Evaluate(Running, inProgress, Now));
        Assert.Equal(new ResetEligibility(false, "Completed on 2026-05-30 09:08 UTC by sam@example.org"), CourseResetRules.Evaluate(Running, complete, Now));
        Assert.Equal(new ResetEligibility(true, "Failed on 2026-05-30 09:07 UTC"), CourseResetRules.Evaluate(Running, failed, Now));
    }

    [Fact]
    public void TheLatestResetIsTheOneCreatedLast()
    {
        var older = Audit(Now.AddDays(-3));
        older.Fail("first try", Now.AddDays(-3));
        var newer = Audit(Now.AddDays(-1));
        var oldest = Audit(Now.AddDays(-9));
        oldest.Fail("very first try", Now.AddDays(-9));

        Assert.Same(newer, CourseResetRules.Latest([older, newer, oldest]));
        Assert.Null(CourseResetRules.Latest([]));
        Assert.False(CourseResetRules.Evaluate(Running, CourseResetRules.Latest([older, newer, oldest]), Now).CanReset);
    }

    [Theory]
    [InlineData("", "A reason is required.")]
    [InlineData("   ", "A reason is required.")]
    [InlineData(null, "A reason is required.")]
    public void AReasonIsRequired(string? reason, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => CourseResetRules.ValidReason(reason)).Message);

    [Fact]
    public void AReasonHasAtMost255Characters()
    {
        Assert.Equal(new string('a', 255), CourseResetRules.ValidReason(" " + new string('a', 255) + " "));
        Assert.Equal("A reason has at most 255 characters; this one has 256.",
            Assert.Throws<DomainException>(() => CourseResetRules.ValidReason(new string('a', 256))).Message);
    }

    [Fact]
    public void AResetMovesOnlyForward()
    {
        var audit = Audit(Now);
        Assert.Throws<DomainException>(() => audit.Complete(Now));
        audit.Start(Now);
        Assert.Throws<DomainException>(() => audit.Start(Now));
        audit.Complete(Now);
        Assert.Throws<DomainException>(() => audit.Fail("late", Now));
        Assert.Equal((CourseResetStatus.Complete, Now), (audit.Status, audit.CompletedUtc));
    }

    [Fact]
    public void AFailedResetHasNoCompletionTime()
    {
        var audit = Started(Now);
        audit.Fail(new string('x', 600), Now);

        Assert.Equal((CourseResetStatus.Failed, null, 500), (audit.Status, audit.CompletedUtc, audit.Error!.Length));
    }
}
