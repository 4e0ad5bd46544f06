using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.SurveyReports;

[RunsOnPostgreSql]
public sealed class SurveyReportCommandTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("cli-survey");

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task GenerateWithoutSendingPrintsTheIdStateAndCountsThenSendSendsIt()
    {
        await using var receiver = await HttpReceiver.StartAsync(_ => Task.FromResult(200));
        var cli = new CliRunner(directory);
        var endpoint = $"--SurveyReport:Endpoint={receiver.Url}";

        var generated = await cli.RunAsync(endpoint, "survey-report", "generate", "--no-send");
        var sent = await cli.RunAsync(endpoint, "survey-report", "send", "1");
        var twice = await cli.RunAsync(endpoint, "survey-report", "send", "1");

        Assert.Equal((0, ""), (generated.ExitCode, generated.Error));
        Assert.Equal("report 1: generated\ncourses offered: 0\nlearners active in the last 4 weeks: 0\nregistered learners: 0\nenrollments: 0\n" +
            "learners with a passing grade: 0", generated.Output.ReplaceLineEndings("\n"));
        Assert.Equal((0, "report 1: sent"), (sent.ExitCode, sent.Output.Split('\n')[0]));
        Assert.Single(receiver.Bodies);
        Assert.Equal(1, twice.ExitCode);
        Assert.StartsWith("error: This report was sent on", twice.Error);
    }

    [Fact]
    public async Task AFailedSendExitsWithOneAndSaysWhy()
    {
        await using var receiver = await HttpReceiver.StartAsync(_ => Task.FromResult(503));
        var cli = new CliRunner(directory);

        var (exitCode, output, error) = await cli.RunAsync($"--SurveyReport:Endpoint={receiver.Url}", "--SurveyReport:RetryDelaySeconds=0", "survey-report", "generate");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("report 1: send failed", output);
        Assert.Equal("error: attempt 3 of 3: HTTP 503 Service Unavailable", error);
        Assert.Equal(3, receiver.Bodies.Count);
    }

    [Fact]
    public async Task AnUnknownReportIsBadUsage()
    {
        var (exitCode, _, error) = await new CliRunner(directory).RunAsync("survey-report", "send", "42");

        Assert.Equal((2, "error: There is no survey report 42."), (exitCode, error));
    }
}
