using AdminPortal.Domain.Jobs;

namespace AdminPortal.Tests.Domain.Jobs;

public sealed class CronTextTests
{
    [Theory]
    [InlineData("0 0 8 * * ?", "daily at 08:00 UTC")] // recurring nudges
    [InlineData("0 15 8 * * ?", "daily at 08:15 UTC")] // upgrade reminders
    [InlineData("0 30 3 * * ?", "daily at 03:30 UTC")] // database maintenance
    [InlineData("0 * * * * ?", "every minute")] // message delivery
    [InlineData("0 0 * * * ?", "hourly, on the hour")] // course resets
    [InlineData("0 20 * * * ?", "hourly at 20 minutes past")]
    [InlineData("0 0/5 * * * ?", "every 5 minutes")]
    [InlineData("0 0 4 1 1,7 ?", "on the 1st of January and July at 04:00 UTC")] // survey reports
    [InlineData("0 0 6 15 * ?", "on the 15th of every month at 06:00 UTC")]
    [InlineData("0 0 9 ? * MON-FRI", "on weekdays at 09:00 UTC")]
    [InlineData("0 0 9 ? * MON,THU", "every Monday and Thursday at 09:00 UTC")]
    [InlineData("0 0 8 * * ? *", "daily at 08:00 UTC")]
    public void TheShapesTheJobsUseReadInWords(string cron, string words) => Assert.Equal(words, CronText.Describe(cron, "UTC"));

    [Fact]
    public void TheTimeZoneIsTheSchedulesOwn() =>
        Assert.Equal("daily at 08:00 Europe/Paris", CronText.Describe("0 0 8 * * ?", "Europe/Paris"));

    [Theory]
    [InlineData("")]
    [InlineData("0 0 8 * *")] // five fields: not Quartz
    [InlineData("30 0 8 * * ?")] // a second other than 0
    [InlineData("0 0 25 * * ?")]
    [InlineData("0 0 8 L * ?")]
    [InlineData("0 0 8-17 * * ?")]
    [InlineData("0 0 8 * * ? 2027")]
    [InlineData("0 0 8 ? * FUNDAY")]
    public void OtherShapesHaveNoWords(string cron) => Assert.Null(CronText.Describe(cron, "UTC"));
}
