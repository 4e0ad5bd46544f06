using AdminPortal.Domain.Jobs;

namespace AdminPortal.Tests.Domain.Jobs;

public sealed class JobRunTests
{
    private static readonly DateTime Noon = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ARunEndsOnlyOnce()
    {
        var run = JobRun.Start("database-maintenance", "Run now", JobStarter.Cli, null, Noon);
        run.Succeed(Noon.AddSeconds(1), new Dictionary<string, long> { ["pruned-runs"] = 2 }, []);

        var error = Assert.Throws<InvalidOperationException>(() => run.Fail(Noon.AddSeconds(2), "late", new Dictionary<string, long>(), []));

        Assert.Contains("already ended (Succeeded)", error.Message);
        Assert.Equal((JobRunStatus.Succeeded, 2L), (run.Status, run.Counts["pruned-runs"]));
    }

    [Fact]
    public void ARunStartedByAPersonNamesThemAndOthersNameNobody()
    {
        Assert.Throws<ArgumentException>(() => JobRun.Start("x", "Run now", JobStarter.User, " ", Noon));
        Assert.Equal("sam@example.org", JobRun.Start("x", "Run now", JobStarter.User, "sam@example.org", Noon).DescribeStarter());
        Assert.Null(JobRun.Start("x", "jobs run", JobStarter.Cli, "ignored@example.org", Noon).StartedByEmail);
        Assert.Equal("the command line", JobRun.Start("x", "jobs run", JobStarter.Cli, null, Noon).DescribeStarter());
    }

    [Fact]
    public void AVeryLongErrorIsCutToTheColumnSize()
    {
        var run = JobRun.Start("x", "jobs run", JobStarter.Cli, null, Noon);

        run.Fail(Noon, new string('e', 5000), new Dictionary<string, long>(), []);

        Assert.Equal(JobRun.MaxErrorLength, run.Error!.Length);
        Assert.EndsWith("…", run.Error);
    }
}
