using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Features.Jobs;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Jobs;

/// <summary>The Quartz job store lives in the portal's SQLite file: what is in it survives a stop and a start of the portal.</summary>
public sealed class JobStoreTests : IDisposable
{
    private static readonly PortalActor Admin = PortalActor.System("test");
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("jobs");

    public void Dispose() => directory.Dispose();

    private PortalWebFactory Host(Action<IServiceCollection>? services = null, params (string Key, string? Value)[] settings) =>
        new(directory, services, settings);

    private static async Task<JobSummary> MaintenanceAsync(PortalWebFactory portal) =>
        (await portal.Services.GetRequiredService<JobsService>().ListAsync(Admin)).Single(j => j.Name == DatabaseMaintenanceJob.Name);

    private static async Task<long> JobCountAsync(PortalWebFactory portal) =>
        (await portal.Services.GetRequiredService<JobsService>().ListAsync(Admin)).Count;

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={directory.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$scheduler", directory.SchedulerName);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task APausedJobStaysPausedWithItsTriggerAfterARestart()
    {
        JobSummary before;
        await using (var first = Host())
        {
            await first.Services.GetRequiredService<JobsService>().PauseAsync(DatabaseMaintenanceJob.Name, Admin);
            before = await MaintenanceAsync(first);
        }

        await using var second = Host();
        var after = await MaintenanceAsync(second);

        Assert.True(before.IsPaused);
        Assert.Equal((true, true, "0 30 3 * * ?", before.NextRunUtc), (after.IsPaused, after.IsScheduled, after.Cron, after.NextRunUtc));
        Assert.True(after.NextRunUtc > DateTime.UtcNow);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE SCHED_NAME = $scheduler AND TRIGGER_NAME = 'database-maintenance'"));
        Assert.Equal(await JobCountAsync(second), await ScalarAsync("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE SCHED_NAME = $scheduler"));
    }

    [Fact]
    public async Task AChangedScheduleReplacesTheTriggerAndKeepsItPaused()
    {
        await using (var first = Host())
        {
            await first.Services.GetRequiredService<JobsService>().PauseAsync(DatabaseMaintenanceJob.Name, Admin);
        }

        await using var second = Host(null, ("Jobs:database-maintenance:Cron", "0 15 4 * * ?"), ("Jobs:database-maintenance:TimeZone", "Europe/Paris"));
        var job = await MaintenanceAsync(second);

        Assert.Equal(("0 15 4 * * ?", "Europe/Paris", true), (job.Cron, job.TimeZone, job.IsPaused));
        Assert.Equal(1, await ScalarAsync(
            "SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE SCHED_NAME = $scheduler AND CRON_EXPRESSION = '0 15 4 * * ?' AND TIME_ZONE_ID = 'Europe/Paris'"));
    }

    [Fact]
    public async Task ADailyRunMissedForDaysRunsOnceAtStart()
    {
        await using (var first = Host())
        {
            Assert.Empty(await first.Services.AllAsync(DatabaseMaintenanceJob.Name));
        }
        var threeDaysAgo = DateTimeOffset.UtcNow.AddDays(-3).UtcTicks;
        Assert.Equal(1, await ScalarAsync(
            $"UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = {threeDaysAgo} WHERE SCHED_NAME = $scheduler AND TRIGGER_NAME = 'database-maintenance'; SELECT changes();"));

        await using var second = Host();
        var run = await second.Services.WaitForFinishedRunAsync(DatabaseMaintenanceJob.Name);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal((JobRunStatus.Succeeded, JobStarter.Schedule, "0 30 3 * * ? (UTC)"), (run.Status, run.StartedBy, run.Trigger));
        Assert.Single(await second.Services.AllAsync(DatabaseMaintenanceJob.Name));
        Assert.True((await MaintenanceAsync(second)).NextRunUtc > DateTime.UtcNow);
    }

    [Fact]
    public async Task ARunLeftRunningByAStoppedPortalIsMarkedInterruptedAtTheNextStart()
    {
        long id;
        await using (var first = Host())
        {
            var stranded = JobRun.Start(DatabaseMaintenanceJob.Name, "0 30 3 * * ? (UTC)", JobStarter.Schedule, null, DateTime.UtcNow.AddHours(-1));
            id = (await first.Services.AddAsync(stranded)).Id;
        }

        await using var second = Host();
        var run = (await second.Services.AllAsync()).Single(r => r.Id == id);

        Assert.Equal((JobRunStatus.Failed, JobRun.InterruptedError), (run.Status, run.Error));
        Assert.True(run.FinishedAtUtc > run.StartedAtUtc);
    }

    [Fact]
    public async Task AJobNoLongerRegisteredLeavesTheStoreAtTheNextStart()
    {
        const string TestJobRows = "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE SCHED_NAME = $scheduler AND JOB_NAME LIKE 'test-%'";
        await using (var first = Host(TestJobs.Register))
        {
            _ = first.Services;
            Assert.Equal(3, await ScalarAsync(TestJobRows));
        }

        await using var second = Host();
        _ = second.Services;

        Assert.Equal(0, await ScalarAsync(TestJobRows));
        Assert.Equal(await JobCountAsync(second), await ScalarAsync("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE SCHED_NAME = $scheduler"));
    }

    [Theory]
    [InlineData("Jobs:database-maintenance:Cron", "at half past three")]
    [InlineData("Jobs:database-maintenance:TimeZone", "Atlantis/Capital")]
    public async Task ABadScheduleStopsThePortalFromStartingAndNamesTheSetting(string key, string value)
    {
        // The check the web server makes before it starts (Program.cs prints its message as one line and exits 1).
        await using var app = PortalWebApp.Build([], directory.Settings((key, value)));

        var error = Assert.Throws<JobConfigurationException>(() => PortalWebApp.CheckConfiguration(app));

        Assert.StartsWith($"{key} is not a ", error.Message);
    }
}
