using AdminPortal.Domain;
using AdminPortal.Domain.Learning;

namespace AdminPortal.Tests.Domain.Learning;

public sealed class CourseKeyTests
{
    [Theory]
    [InlineData("course-v1:MITx+6.00x+2026_T1", "MITx", "6.00x", "2026_T1")]
    [InlineData("course-v1:edX+DemoX.1+2T2026", "edX", "DemoX.1", "2T2026")]
    [InlineData("course-v1:A-B~C+n_1+r", "A-B~C", "n_1", "r")]
    public void AWellFormedKeyParts(string text, string org, string number, string run)
    {
        var key = CourseKey.Parse(text);

        Assert.Equal((org, number, run), (key.Org, key.Number, key.Run));
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    [InlineData("MITx/6.00x/2026", "it must start with course-v1:")]
    [InlineData("course-v1:MITx+6.00x", "it must have three parts, Org+Number+Run")]
    [InlineData("course-v1:MITx+6.00x+2026+extra", "it must have three parts, Org+Number+Run")]
    [InlineData("course-v1:MITx++2026", "a part is empty")]
    [InlineData("course-v1:MIT x+6.00x+2026", "'MIT x' may hold only letters, digits and . _ - ~")]
    [InlineData("course-v1:MITx+6.00x+2026/T1", "'2026/T1' may hold only letters, digits and . _ - ~")]
    public void AMalformedKeyIsRefusedWithTheReason(string text, string reason)
    {
        Assert.False(CourseKey.TryParse(text, out _, out var error));
        Assert.Equal(reason, error);
        Assert.Equal($"'{text}' is not a course key: {reason}", Assert.Throws<DomainException>(() => CourseKey.Parse(text)).Message);
    }

    [Fact]
    public void AKeyOverTwoHundredFiftyFiveCharactersIsRefused() =>
        Assert.False(CourseKey.TryParse("course-v1:" + new string('a', 250) + "+b+c", out _, out _));

    [Fact]
    public void KeysAreCaseSensitive() =>
        Assert.NotEqual(CourseKey.Parse("course-v1:MITx+6.00x+T1"), CourseKey.Parse("course-v1:mitx+6.00x+T1"));
}
