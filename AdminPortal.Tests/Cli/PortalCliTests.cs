using AdminPortal.Cli;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Cli;

public sealed class PortalCliTests : IDisposable
{
    // Migrated already, as the commands mostly find it; the test of migrating itself has an empty folder of its own.
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("cli");

    public void Dispose() => directory.Dispose();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string standardInput, params string[] args) =>
        new CliRunner(directory).RunWithInputAsync(standardInput, args);

    private async Task<IReadOnlyList<AccountSummary>> AccountsAsync()
    {
        await using var app = CliHost.Build([], directory.Settings());
        return await app.Services.GetRequiredService<AccountService>().ListAsync(PortalActor.System("test"));
    }

    [Fact]
    public async Task MigrateCreatesTheDatabaseAndSaysSo()
    {
        using var empty = TestDirectory.Create("cli-empty");
        var cli = new CliRunner(empty);

        var (exitCode, output, _) = await cli.RunWithInputAsync("", "migrate");

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"Database {empty.DatabaseFile}: applied ", output);
        Assert.Contains("_InitialIdentity", output);
        Assert.True(File.Exists(empty.DatabaseFile));
        Assert.Equal((0, $"Database {empty.DatabaseFile} is up to date.", ""), await cli.RunWithInputAsync("", "migrate"));
    }

    [Fact]
    public async Task HostOptionsBeforeTheCommandConfigureIt()
    {
        var elsewhere = Path.Combine(directory.Path, "elsewhere", "other.db");
        var output = new StringWriter();

        var exitCode = await PortalCli.RunAsync(PortalCommands.Create,
            ["--environment", "Production", $"--ConnectionStrings:Portal=Data Source={elsewhere}", "--Database:CreateFolder=true", "migrate"],
            new StringReader(""), output, new StringWriter());

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"Database {elsewhere}: applied", output.ToString());
    }

    [Theory]
    [InlineData(new string[0], -1)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, -1)]
    [InlineData(new[] { "--environment=Production" }, -1)]
    [InlineData(new[] { "migrate" }, 0)]
    [InlineData(new[] { "--environment", "Production", "migrate" }, 2)]
    [InlineData(new[] { "--Demo:SeedAccounts=false", "users", "create" }, 1)]
    [InlineData(new[] { "--help" }, 0)]
    public void TheCommandIsFoundAfterHostOptions(string[] args, int expected) => Assert.Equal(expected, PortalCli.FindCommand(args));

    [Fact]
    public async Task AnUnopenableDatabaseFailsWithOneLine()
    {
        var blocker = Path.Combine(directory.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where a folder should be");
        var error = new StringWriter();

        var exitCode = await PortalCli.RunAsync(PortalCommands.Create, ["migrate"], new StringReader(""), new StringWriter(), error,
            new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={blocker}/portal.db" });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: ", error.ToString());
        Assert.Single(error.ToString().Trim().Split('\n'));
    }

    [Fact]
    public async Task UsersCreateReadsThePasswordFromStandardInput()
    {
        var (exitCode, output, _) = await RunAsync("Strong#pass2026\n", "users", "create", "--email", "ops@example.org", "--role", "Superuser");

        Assert.Equal((0, "Created ops@example.org with role(s) Superuser."), (exitCode, output));
        var account = Assert.Single(await AccountsAsync());
        Assert.Equal(("ops@example.org", "ops"), (account.Email, account.DisplayName));
        Assert.Equal([PortalRoles.Superuser], account.Roles);
    }

    [Fact]
    public async Task UsersCreateTakesSeveralRoles()
    {
        var (exitCode, _, _) = await RunAsync("Strong#pass2026\n",
            "users", "create", "--email", "ops@example.org", "--role", "Support", "--role", "CourseAuthor", "--name", "Olga Ops");

        Assert.Equal(0, exitCode);
        Assert.Equal([PortalRoles.CourseAuthor, PortalRoles.Support], Assert.Single(await AccountsAsync()).Roles);
    }

    [Theory]
    [InlineData("users", "create", "--email", "ops@example.org", "--role", "Admin")]
    [InlineData("users", "create", "--role", "Staff")]
    [InlineData("users")]
    [InlineData("frobnicate")]
    public async Task BadUsageExitsWithTwoAndOneLine(params string[] args)
    {
        using var empty = TestDirectory.Create("cli-empty");

        var (exitCode, output, error) = await new CliRunner(empty).RunWithInputAsync("Strong#pass2026\n", args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Single(error.Split('\n'));
        Assert.StartsWith("error: ", error);
        Assert.False(File.Exists(empty.DatabaseFile));
    }

    [Fact]
    public async Task AWeakPasswordFailsWithOneAndNamesTheRule()
    {
        var (exitCode, _, error) = await RunAsync("weak\n", "users", "create", "--email", "ops@example.org", "--role", "Staff");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: Password: Passwords must be at least 10 characters.", error);
        Assert.Empty(await AccountsAsync());
    }

    [Fact]
    public async Task AMissingPasswordFailsWithOne()
    {
        var (exitCode, _, error) = await RunAsync("", "users", "create", "--email", "ops@example.org", "--role", "Staff");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: no password on standard input", error);
    }

    [Fact]
    public async Task ADuplicateAccountFailsWithOne()
    {
        await RunAsync("Strong#pass2026\n", "users", "create", "--email", "ops@example.org", "--role", "Staff");

        var (exitCode, _, error) = await RunAsync("Strong#pass2026\n", "users", "create", "--email", "ops@example.org", "--role", "Staff");

        Assert.Equal((1, "error: Email: An account with the email ops@example.org already exists."), (exitCode, error));
    }

    [Fact]
    public async Task AnInMemoryDatabaseIsRefusedWithTheSettingNamed()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await PortalCli.RunAsync(PortalCommands.Create, ["migrate"], new StringReader(""), output, error,
            new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = "Data Source=:memory:" });

        Assert.Equal(1, exitCode);
        Assert.Equal("error: ConnectionStrings:Portal must name a database file (Data Source=...); the portal does not run on an in-memory database.",
            error.ToString().Trim());
    }

    [Theory]
    [InlineData("Oracle", "Data Source=portal.db", "error: Database:Provider is \"Oracle\": use Sqlite, PostgreSql, SqlServer.")]
    [InlineData("PostgreSql", "Host=db.example.org", "error: ConnectionStrings:Portal must name the server and the database (Host=...;Database=...) " +
        "when Database:Provider is PostgreSql.")]
    public async Task AWrongProviderOrConnectionStopsTheCommandWithOneLine(string provider, string connectionString, string message)
    {
        var error = new StringWriter();

        var exitCode = await PortalCli.RunAsync(PortalCommands.Create, ["migrate"], new StringReader(""), new StringWriter(), error,
            new Dictionary<string, string?> { ["Database:Provider"] = provider, ["ConnectionStrings:Portal"] = connectionString });

        Assert.Equal((1, message), (exitCode, error.ToString().Trim()));
    }

    [Fact]
    public async Task AnUnknownCommandIsNamed()
    {
        var (exitCode, _, error) = await RunAsync("", "bogus-command");

        Assert.Equal((2, "error: unknown command 'bogus-command'; see --help"), (exitCode, error));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ADatabaseInAFolderThatDoesNotExistIsRefusedUnlessAskedFor()
    {
        var missing = Path.Combine(directory.Path, "typo", "portal.db");
        var error = new StringWriter();

        var refused = await PortalCli.RunAsync(PortalCommands.Create, ["migrate"], new StringReader(""), new StringWriter(), error,
            new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={missing}" });
        var created = await PortalCli.RunAsync(PortalCommands.Create, ["migrate"], new StringReader(""), new StringWriter(), new StringWriter(),
            new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={missing}", ["Database:CreateFolder"] = "true" });

        Assert.Equal(1, refused);
        Assert.Equal($"error: ConnectionStrings:Portal points into {Path.GetDirectoryName(missing)}, which does not exist: create it, or set " +
            "Database:CreateFolder=true to let the portal create it.", error.ToString().Trim());
        Assert.Equal(0, created);
        // Readable by the portal's user only: the folder 0700, the file 0600 (SQLite gives its -wal and -shm the file's mode).
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(missing)!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(missing));
    }

    [Fact]
    public async Task ABadSettingIsOneLineNamingTheKey()
    {
        var error = new StringWriter();

        var exitCode = await PortalCli.RunAsync(PortalCommands.Create, ["jobs", "list"], new StringReader(""), new StringWriter(), error, directory.Settings(("Jobs:ShutdownSeconds", "0")));

        Assert.Equal((1, "error: Jobs:ShutdownSeconds: The field ShutdownSeconds must be between 1 and 3600."), (exitCode, error.ToString().Trim()));
    }

    [Fact]
    public async Task ImportingAFolderSaysItNeedsAFile()
    {
        var (exitCode, _, error) = await RunAsync("", "import", "courses", directory.Path);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"error: '{directory.Path}' is a folder: give the CSV file itself", error);
    }

    [Fact]
    public async Task CommandsInDevelopmentNeverSeedDemoDataSoSeedDemoCanRunAfterThem()
    {
        var development = directory.Settings(("Demo:SeedData", "true"), ("Demo:Learners", "50"));
        async Task<int> RunAsync(params string[] args) =>
            await PortalCli.RunAsync(PortalCommands.Create, ["--environment", "Development", .. args], new StringReader(""), new StringWriter(), new StringWriter(), development);

        var listed = await RunAsync("jobs", "list");
        await using (var app = CliHost.Build([], directory.Settings()))
        {
            await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AdminPortal.Data.PortalDbContext>>().CreateDbContextAsync();
            Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Courses));
        }
        var seeded = await RunAsync("seed-demo", "--learners", "60");

        Assert.Equal((0, 0), (listed, seeded));
    }
}
