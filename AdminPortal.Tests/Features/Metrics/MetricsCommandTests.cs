using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Metrics;

[RunsOnPostgreSql]
public sealed class MetricsCommandTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("cli-metrics");

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task ABackfillPrintsEachDayAsItIsDone()
    {
        var (exitCode, output, error) = await new CliRunner(directory).RunAsync("metrics", "daily", "--from", "2026-03-01", "--to", "2026-03-03");

        Assert.Equal((0, ""), (exitCode, error));
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^\[1/3\] 2026-03-01: 0 course\(s\), 0 site\(s\) in \d+\.\d s$", lines[0]);
        Assert.StartsWith("[3/3] 2026-03-03:", lines[2]);
    }

    [Fact]
    public async Task AFutureDayIsBadUsage()
    {
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");

        var (exitCode, _, error) = await new CliRunner(directory).RunAsync("metrics", "daily", "--date", future);

        Assert.Equal((2, $"error: {future} is in the future: metrics are computed for days that are over."), (exitCode, error));
    }

    [Fact]
    public async Task ADateAndARangeTogetherAreBadUsage()
    {
        var (exitCode, _, error) = await new CliRunner(directory).RunAsync("metrics", "daily", "--date", "2026-03-01", "--from", "2026-03-01");

        Assert.Equal((2, "error: use --date D, or --from D --to D together, or neither (yesterday)."), (exitCode, error));
    }
}
