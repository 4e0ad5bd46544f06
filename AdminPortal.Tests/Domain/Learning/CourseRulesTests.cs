using AdminPortal.Domain;
using AdminPortal.Domain.Learning;

namespace AdminPortal.Tests.Domain.Learning;

public sealed class CourseRulesTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    private static Course NewCourse() => new(CourseKey.Parse("course-v1:MITx+6.00x+2026_T1"), "Intro", Start);

    [Fact]
    public void ACourseKnowsWhetherItStartedAndEnded()
    {
        var course = NewCourse();
        course.Reschedule(Start, Start.AddDays(90));

        Assert.False(course.HasStarted(Start.AddSeconds(-1)));
        Assert.True(course.HasStarted(Start));
        Assert.False(course.HasEnded(Start.AddDays(89)));
        Assert.True(course.HasEnded(Start.AddDays(90)));
    }

    [Fact]
    public void ACourseEndsAfterItStarts() =>
        Assert.Equal("A course must end after it starts.", Assert.Throws<DomainException>(() => NewCourse().Reschedule(Start, Start)).Message);

    [Fact]
    public void ModesAreReplacedAndAChangedExpirationKeepsTheMode()
    {
        var course = NewCourse();
        course.SetModes([("audit", null), ("Verified", Start.AddDays(100))]);
        var verified = course.Verified;

        course.SetModes([("verified", Start.AddDays(50))]);

        Assert.Same(verified, course.Verified);
        Assert.Equal(Start.AddDays(50), course.Verified!.ExpirationUtc);
        Assert.Equal(["verified"], course.Modes.Select(m => m.Slug));
    }

    [Fact]
    public void AModeListedTwiceIsRefused() =>
        Assert.Throws<DomainException>(() => NewCourse().SetModes([("audit", null), ("AUDIT", null)]));

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    public void LinksMustBeAbsoluteWebAddresses(string url) =>
        Assert.Throws<DomainException>(() => NewCourse().SetLinks(url, null));

    [Theory]
    [InlineData("en", "en")]
    [InlineData("PT-BR", "pt-br")]
    [InlineData("zh-hans", "zh-hans")]
    public void LanguageTagsAreLowerCased(string code, string stored)
    {
        var course = NewCourse();
        course.Publish(null, selfPaced: true, code);
        Assert.Equal(stored, course.Language);
    }

    [Fact]
    public void AnUnknownLanguageShapeIsRefused() => Assert.Throws<DomainException>(() => NewCourse().Publish(null, true, "english"));
}
