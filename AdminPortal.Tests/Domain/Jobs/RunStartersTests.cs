using AdminPortal.Domain.Jobs;

namespace AdminPortal.Tests.Domain.Jobs;

public sealed class RunStartersTests
{
    [Theory]
    [InlineData("0 0 8 * * ? (UTC)", "the schedule (daily at 08:00 UTC)")]
    [InlineData("0 30 3 * * ? (Europe/Paris)", "the schedule (daily at 03:30 Europe/Paris)")]
    [InlineData("0 * * * * ? (UTC)", "the schedule (every minute)")]
    [InlineData("0 0 * * * ? (UTC)", "the schedule (hourly)")]
    [InlineData("0 15 * * * ? (UTC)", "the schedule (hourly at minute 15)")]
    [InlineData("0 0 4 1 1,7 ? (UTC)", "the schedule (0 0 4 1 1,7 ? UTC)")]
    [InlineData("the portal's start", "the portal's start")]
    public void TheScheduleSaysWhenInWords(string trigger, string expected) =>
        Assert.Equal(expected, RunStarters.Describe(JobStarter.Schedule, null, trigger));

    [Fact]
    public void APersonIsTheirEmailAndACommandIsTheCommandLine()
    {
        Assert.Equal("sam@example.org", RunStarters.Describe(JobStarter.User, "sam@example.org", "Run now"));
        Assert.Equal("the command line", RunStarters.Describe(JobStarter.Cli, null, "send-recurring-nudge"));
    }
}
