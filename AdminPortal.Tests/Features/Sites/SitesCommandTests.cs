using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Sites;

[RunsOnPostgreSql]
public sealed class SitesCommandTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("sites");
    private readonly CliRunner cli;

    public SitesCommandTests() => cli = new CliRunner(directory);

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task SitesAreCreatedUpdatedAndListed()
    {
        var created = await cli.RunAsync("sites", "set", "--domain", "MITx.Example.org", "--name", "MITx", "--orgs", "MITx, MITxT");
        var updated = await cli.RunAsync("sites", "set", "--domain", "mitx.example.org", "--all-orgs");
        var other = await cli.RunAsync("sites", "set", "--domain", "learn.example.org", "--orgs", "HarvardX");
        var list = await cli.RunAsync("sites", "list");

        Assert.Equal((0, "Created site mitx.example.org (MITx): MITx, MITxT."), (created.ExitCode, created.Output));
        Assert.Equal((0, "Updated site mitx.example.org (MITx): every org no other site lists."), (updated.ExitCode, updated.Output));
        Assert.Equal(0, other.ExitCode);
        Assert.Equal("learn.example.org\tlearn.example.org\tHarvardX\nmitx.example.org\tMITx\tevery org no other site lists", list.Output);
    }

    [Fact]
    public async Task AnOrgBelongsToOneSite()
    {
        await cli.RunAsync("sites", "set", "--domain", "a.example.org", "--orgs", "MITx");

        var (exitCode, _, error) = await cli.RunAsync("sites", "set", "--domain", "b.example.org", "--orgs", "HarvardX,MITx");

        Assert.Equal((1, "error: The org MITx is already listed by the site a.example.org: an org belongs to one site."), (exitCode, error));
    }

    [Theory]
    [InlineData("sites", "set", "--domain", "x.example.org", "--orgs", "MITx", "--all-orgs")]
    [InlineData("sites", "set", "--name", "No domain")]
    public async Task BadUsageExitsWithTwo(params string[] args) => Assert.Equal(2, (await cli.RunAsync(args)).ExitCode);

    [Fact]
    public async Task ABadDomainOrOrgFailsWithOne()
    {
        Assert.Equal((1, "error: 'not a domain' is not a site domain such as learn.example.org."),
            ((await cli.RunAsync("sites", "set", "--domain", "not a domain")).ExitCode, (await cli.RunAsync("sites", "set", "--domain", "not a domain")).Error));
        Assert.Equal(1, (await cli.RunAsync("sites", "set", "--domain", "x.example.org", "--orgs", "MIT x")).ExitCode);
    }
}
