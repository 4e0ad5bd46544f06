using AdminPortal.Cli;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Cli;

public sealed class PortalCliTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.Create("cli");

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
        var (exitCode, output, _) = await RunAsync("", "migrate");

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"Database {directory.DatabaseFile}: applied ", output);
        Assert.Contains("_InitialIdentity", output);
        Assert.True(File.Exists(directory.DatabaseFile));
        Assert.Equal((0, $"Database {directory.DatabaseFile} is up to date.", ""), await RunAsync("", "migrate"));
    }

    [Fact]
    public async Task HostOptionsBeforeTheCommandConfigureIt()
    {
        var elsewhere = Path.Combine(directory.Path, "elsewhere", "other.db");
        var output = new StringWriter();

        var exitCode = await PortalCli.RunAsync(["--environment", "Production", $"--ConnectionStrings:Portal=Data Source={elsewhere}", "migrate"],
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

        var exitCode = await PortalCli.RunAsync(["migrate"], new StringReader(""), new StringWriter(), error,
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
        var (exitCode, output, error) = await RunAsync("Strong#pass2026\n", args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Single(error.Split('\n'));
        Assert.StartsWith("error: ", error);
        Assert.False(File.Exists(directory.DatabaseFile));
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

        var exitCode = await PortalCli.RunAsync(["migrate"], new StringReader(""), output, error,
            new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = "Data Source=:memory:" });

        Assert.Equal(1, exitCode);
        Assert.Equal("error: ConnectionStrings:Portal must name a database file (Data Source=...); the portal does not run on an in-memory database.",
            error.ToString().Trim());
    }
}
