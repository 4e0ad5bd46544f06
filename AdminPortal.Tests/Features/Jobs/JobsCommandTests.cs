using System.Text.RegularExpressions;
using AdminPortal.Cli;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Jobs;

[RunsOnPostgreSql]
public sealed class JobsCommandTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("cli-jobs");

    public void Dispose() => directory.Dispose();

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await PortalCli.RunAsync(PortalCommands.Create, args, new StringReader(""), output, error, directory.Settings(), TestJobs.Register);
        return (exitCode, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public async Task JobsListShowsEachJobsScheduleNextRunAndPause()
    {
        await using (var server = new PortalWebFactory(directory))
        {
            await server.Services.GetRequiredService<JobsService>().PauseAsync("database-maintenance", PortalActor.System("test"));
        }

        var (exitCode, output, _) = await RunAsync("jobs", "list");

        var lines = output.Split('\n');
        Assert.Equal(0, exitCode);
        Assert.Matches(@"^NAME +SCHEDULE +NEXT RUN +PAUSED$", lines[0]);
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^database-maintenance +0 30 3 \* \* \? \(UTC\) +\d{4}-\d\d-\d\d 03:30 UTC +yes$"));
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^send-recurring-nudge +0 0 8 \* \* \? \(UTC\) +\d{4}-\d\d-\d\d 08:00 UTC +no$"));
        Assert.Contains(lines, line => Regex.IsMatch(line, @"^test-failing +0 0 0 1 1 \? 2099 \(UTC\) +not scheduled yet +no$"));
    }

    [Fact]
    public async Task JobsRunRunsTheJobHereRecordsTheCommandLineAndPrintsTheCounts()
    {
        var (exitCode, output, error) = await RunAsync("jobs", "run", "test-report");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Matches(@"^test-report succeeded in \d+\.\d s \(run 1\)\.\nitems: 3$", output);
        var run = Assert.Single(await directory.AllAsync());
        Assert.Equal((JobStarter.Cli, JobRunStatus.Succeeded, 2), (run.StartedBy, run.Status, run.LogLines.Count));
    }

    [Fact]
    public async Task AFailingJobExitsWithOneAndOneLine()
    {
        var (exitCode, output, error) = await RunAsync("jobs", "run", "test-failing");

        Assert.Equal((1, "", "error: test-failing failed (run 1): the source is unreachable"), (exitCode, output, error));
        Assert.Equal(JobRunStatus.Failed, Assert.Single(await directory.AllAsync()).Status);
    }

    [Fact]
    public async Task AnUnknownJobExitsWithTwoAndNamesTheJobs()
    {
        var (exitCode, _, error) = await RunAsync("jobs", "run", "nightly");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: there is no job named \"nightly\"; the jobs are: catalog-sync, course-reset, daily-metrics, database-maintenance, message-delivery, send-course-update, send-recurring-nudge, send-upgrade-reminder, survey-report, test-failing, test-report, test-slow.", error);
    }
}
