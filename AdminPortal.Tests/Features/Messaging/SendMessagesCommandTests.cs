using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Messaging;

/// <summary>The send-* commands on demo data, as an operator runs them.</summary>
[RunsOnPostgreSql]
public sealed class SendMessagesCommandTests : IAsyncLifetime
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("send-messages");
    private CliRunner cli = default!;

    public async Task InitializeAsync()
    {
        cli = new CliRunner(directory);
        var seeded = await cli.RunAsync("seed-demo", "--learners", "600", "--seed", "5", "--today", "2026-11-22");
        Assert.Equal(0, seeded.ExitCode);
    }

    public Task DisposeAsync()
    {
        directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ADryRunListsRecipientsAndARealRunSendsThemOnce()
    {
        var dry = await cli.RunAsync("send-recurring-nudge", "mitx.example.org", "--date", "2026-11-22", "--dry-run", "--override-recipient-email", "qa@example.org");
        var first = await cli.RunAsync("send-recurring-nudge", "mitx.example.org", "--date", "2026-11-22");
        var again = await cli.RunAsync("send-recurring-nudge", "mitx.example.org", "--date", "2026-11-22");

        Assert.Equal((0, 0, 0), (dry.ExitCode, first.ExitCode, again.ExitCode));
        var lines = dry.Output.Split('\n');
        var previewed = lines.Count(l => l.StartsWith("mitx.example.org\trecurringnudge_day", StringComparison.Ordinal));
        Assert.True(previewed > 0, dry.Output);
        Assert.All(lines.Where(l => l.Contains('\t')), l => Assert.Contains("\tqa@example.org\t", l));
        Assert.StartsWith("dry run: mitx.example.org RecurringNudge 2026-11-22: ", lines[^1]);
        Assert.Contains($"{previewed} queued (0 already), {previewed} sent", first.Output);
        Assert.Contains($"0 queued ({previewed} already), 0 sent", again.Output);
        Assert.Equal(previewed, Directory.GetFiles(directory.PickupDirectory, "*.eml").Length);
    }

    [Theory]
    [InlineData("send-course-update", "--weeks", "11", "Weeks is between 1 and 10.")]
    [InlineData("send-recurring-nudge", "--date", "1999-12-31", "Run date must be between 2000-01-01 and 2099-12-31.")]
    [InlineData("send-upgrade-reminder", "--override-recipient-email", "not-an-email", "not-an-email")]
    public async Task BadOptionsAreRefusedNamingTheRule(string command, string option, string value, string message)
    {
        var (exitCode, _, error) = await cli.RunAsync(command, option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task AnUnknownSiteIsBadUsage()
    {
        var (exitCode, _, error) = await cli.RunAsync("send-course-update", "nowhere.example.org");

        Assert.Equal((2, "error: no site with domain nowhere.example.org; see `sites list`"), (exitCode, error));
    }
}
