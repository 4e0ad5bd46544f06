using System.Net;
using System.Text.Json;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task HealthReportsTheDatabaseOnAFreshlyMigratedWalFile()
    {
        using var folder = TestDirectory.Create("fresh"); // no database yet: the start migrates one
        using var portal = new PortalWebFactory(folder);

        var response = await portal.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        await using var connection = new SqliteConnection($"Data Source={portal.Directory.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task DevelopmentReadsTheTopLevelSettingsAndSeedsOneDemoAccountPerRole()
    {
        // The demo switch itself comes from the repository's appsettings.Development.json, not from the test.
        using var portal = new PortalWebFactory("Development");

        var accounts = await portal.Services.GetRequiredService<AccountService>().ListAsync(PortalActor.System("test"));

        Assert.Equal(
            [("author@portal.local", "CourseAuthor"), ("staff@portal.local", "Staff"), ("superuser@portal.local", "Superuser"), ("support@portal.local", "Support")],
            accounts.Select(a => (a.Email, Assert.Single(a.Roles))));
    }

    [Fact]
    public async Task ProductionRefusesToSeedDemoAccountsEvenWhenAskedTo()
    {
        using var portal = new PortalWebFactory("Production",
            ("Demo:SeedAccounts", "true"),
            ("Demo:Accounts:0:Email", "demo@example.org"),
            ("Demo:Accounts:0:DisplayName", "Demo"),
            ("Demo:Accounts:0:Role", "Superuser"),
            ("Demo:Accounts:0:Password", "Demo#account2026"));

        var accounts = await portal.Services.GetRequiredService<AccountService>().ListAsync(PortalActor.System("test"));

        Assert.Empty(accounts);
    }
}
