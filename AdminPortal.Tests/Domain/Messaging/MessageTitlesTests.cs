using AdminPortal.Domain.Messaging;

namespace AdminPortal.Tests.Domain.Messaging;

public sealed class MessageTitlesTests
{
    [Theory]
    [InlineData(MessageKind.RecurringNudge, "Recurring nudge", "Recurring nudges")]
    [InlineData(MessageKind.UpgradeReminder, "Upgrade reminder", "Upgrade reminders")]
    [InlineData(MessageKind.CourseUpdate, "Course update", "Course updates")]
    public void KindsReadAsPeopleSayThem(MessageKind kind, string one, string many) =>
        Assert.Equal((one, many), (MessageTitles.Of(kind), MessageTitles.PluralOf(kind)));

    [Theory]
    [InlineData("recurringnudge_day3", null, "Recurring nudge, day 3")]
    [InlineData("recurringnudge_day10", null, "Recurring nudge, day 10")]
    [InlineData("upgradereminder", null, "Upgrade reminder")]
    [InlineData("courseupdate", null, "Course update")]
    [InlineData("courseupdate", 4, "Course update, week 4")]
    [InlineData("somethingelse", null, "somethingelse")]
    public void StoredTypeNamesReadAsPeopleSayThem(string name, int? week, string title) =>
        Assert.Equal(title, MessageTitles.Of(name, week));

    [Fact]
    public void EveryTypeHasItsOwnTitle() =>
        Assert.Equal(MessageTypes.All.Count, MessageTypes.All.Select(t => MessageTitles.Of(t)).Distinct().Count());
}
