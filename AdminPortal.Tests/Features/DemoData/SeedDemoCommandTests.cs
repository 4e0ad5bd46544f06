using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.DemoData;

public sealed class SeedDemoCommandTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("seed-demo");

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task SeedDemoPrintsWhatItCreated()
    {
        var (exitCode, output, _) = await new CliRunner(directory).RunAsync("seed-demo", "--learners", "120", "--seed", "3");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Seeded 3 sites, 40 courses, ", output);
        Assert.Contains(", 120 learners, ", output);
    }

    [Fact]
    public async Task TheSameSeedAndDayPrintTheSameCounts()
    {
        using var other = TestDirectory.CreateMigrated("seed-demo-2");

        var first = await new CliRunner(directory).RunAsync("seed-demo", "--learners", "150", "--seed", "9", "--today", "2025-03-01");
        var second = await new CliRunner(other).RunAsync("seed-demo", "--learners", "150", "--seed", "9", "--today", "2025-03-01");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output[..first.Output.IndexOf(" in ", StringComparison.Ordinal)], second.Output[..second.Output.IndexOf(" in ", StringComparison.Ordinal)]);
    }

    [Theory]
    [InlineData("seed-demo", "--today", "yesterday")]
    [InlineData("seed-demo", "--learners", "0")]
    [InlineData("seed-demo", "--learners", "many")]
    public async Task ABadCountIsBadUsage(params string[] args) => Assert.Equal(2, (await new CliRunner(directory).RunAsync(args)).ExitCode);

    [Fact]
    public async Task ASecondSeedFailsWithOne()
    {
        var cli = new CliRunner(directory);
        await cli.RunAsync("seed-demo", "--learners", "10");

        var (exitCode, _, error) = await cli.RunAsync("seed-demo", "--learners", "10");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: The portal already has courses or learners", error);
    }
}
