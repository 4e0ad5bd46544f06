using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Import;

[RunsOnPostgreSql]
public sealed class ImportCommandTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("import-cli");
    private readonly CliRunner cli;

    public ImportCommandTests() => cli = new CliRunner(directory);

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task AGoodFilePrintsItsCounts()
    {
        var (exitCode, output, _) = await cli.RunAsync("import", "learners", TestData.ImportFile("learners.csv"));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Imported learners.csv: 3 rows: 3 added, 0 updated, 0 unchanged", output);
    }

    [Fact]
    public async Task ABadFilePrintsEachErrorAndFailsWithOne()
    {
        var path = TestData.WriteCsv(directory.Path, "enrollments.csv", "username,course_key,mode,active,created",
            "nobody,course-v1:MITx+6.00x+2026_T1,audit,true,2026-01-10");

        var (exitCode, output, error) = await cli.RunAsync("import", "enrollments", path);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "line 2: username: no learner has the username nobody: import the learners first\n" +
            "line 2: course_key: no course has the key course-v1:MITx+6.00x+2026_T1: import or publish the course first", output);
        Assert.Equal("error: enrollments.csv: nothing was imported: 2 error(s)", error);
    }

    [Theory]
    [InlineData("import", "pets", "file.csv")]
    [InlineData("import", "learners", "/no/such/file.csv")]
    public async Task AnUnknownKindOrMissingFileIsBadUsage(params string[] args) => Assert.Equal(2, (await cli.RunAsync(args)).ExitCode);
}
