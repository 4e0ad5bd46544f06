using System.Net;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.SystemStatus;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdminPortal.Tests.Features.SystemStatus;

[RunsOnPostgreSql]
public sealed class HealthEndpointsTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static List<string> Checks(JsonElement body) => body.GetProperty("checks").EnumerateObject().Select(c => $"{c.Name}={c.Value.GetProperty("status").GetString()}").ToList();

    [Fact]
    public async Task LiveAnswersAloneReadyChecksTheDatabaseItsMigrationsAndTheSchedulerAndHealthStaysAsItWas()
    {
        using var portal = new PortalWebFactory();
        var client = portal.CreateClient();

        var live = await GetAsync(client, "/health/live");
        var ready = await GetAsync(client, "/health/ready");
        var health = await GetAsync(client, "/health");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Body.GetProperty("status").GetString()));
        Assert.Empty(Checks(live.Body));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Body.GetProperty("status").GetString()));
        Assert.Equal(["database=Healthy", "migrations=Healthy", "job-scheduler=Healthy"], Checks(ready.Body));
        Assert.Equal(["database=Healthy"], Checks(health.Body));
    }

    [Fact]
    [SqliteOnly("rolls the newest migration back; PostgreSQL has one migration so far")]
    public async Task ADatabaseMissingAMigrationIsNotReadyAndSaysWhatToRun()
    {
        await using var portal = await PortalServices.StartAsync();
        await using (var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]); // takes the newest migration back out
        }

        var result = await new MigrationsAppliedCheck(portal.Get<IDbContextFactory<PortalDbContext>>()).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Matches(@"^1 migration\(s\) not applied, from \d+_\w+: run migrate\.$", result.Description);
    }

    [Fact]
    public async Task AProcessWhoseSchedulerDoesNotRunIsNotReady()
    {
        // The command-line host builds the scheduler to read its store and never starts it.
        await using var portal = await PortalServices.StartAsync();

        var result = await new JobSchedulerStartedCheck(portal.Get<AdminPortal.Jobs.JobScheduler>()).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("The job scheduler is ", result.Description);
    }
}
