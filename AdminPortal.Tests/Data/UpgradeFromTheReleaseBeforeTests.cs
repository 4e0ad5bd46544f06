using System.IO.Compression;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.Jobs;
using AdminPortal.Features.Sync;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdminPortal.Tests.Data;

/// <summary>
/// TestData/Upgrade holds a data folder made by the release before (.NET 9, Quartz 3.22): its database (demo data of 300
/// learners, two paused jobs, message runs, a catalog token) and its Data Protection key. This release starts on it.
/// </summary>
public sealed class UpgradeFromTheReleaseBeforeTests : IDisposable
{
    private static readonly PortalActor Admin = PortalActor.System("test");
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "TestData", "Upgrade");

    /// <summary>Tables of the portal's own, each with rows in the fixture.</summary>
    private static readonly string[] DataTables =
    [
        "AspNetUsers", "AspNetUserRoles", "Sites", "Courses", "Sections", "Learners", "Enrollments", "Schedules", "ScheduleSkips",
        "BlockStates", "BlockCompletions", "CourseGrades", "Certificates", "ConfigVersions", "CourseAssignments", "CourseResetOptIns",
        "OutboxMessages", "OutboxBodies", "MessageRuns", "MessageEvents", "CourseDailyMetrics", "SiteDailyMetrics", "CatalogSyncSettings",
        "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_CRON_TRIGGERS",
    ];

    private readonly TestDirectory directory = TestDirectory.Create("upgrade");

    public UpgradeFromTheReleaseBeforeTests()
    {
        using (var packed = File.OpenRead(Path.Combine(Fixture, "portal-before-net10.db.gz")))
        using (var gzip = new GZipStream(packed, CompressionMode.Decompress))
        using (var database = File.Create(directory.DatabaseFile))
        {
            gzip.CopyTo(database);
        }
        Directory.CreateDirectory(Path.Combine(directory.Path, "keys"));
        foreach (var key in Directory.GetFiles(Path.Combine(Fixture, "keys")))
        {
            File.Copy(key, Path.Combine(directory.Path, "keys", Path.GetFileName(key)));
        }
        // As if that portal stopped a moment ago: its next runs are ahead, so none runs at this start (a run missed while
        // stopped runs at start, which JobStoreTests covers) and the tables hold what the release before wrote.
        Scalar($"UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = {DateTimeOffset.UtcNow.AddHours(12).UtcTicks}");
    }

    public void Dispose() => directory.Dispose();

    /// <summary>The release before named its scheduler's rows "AdminPortal", the default.</summary>
    private PortalWebFactory Portal() => new(directory, null, ("Jobs:SchedulerName", "AdminPortal"));

    [Fact]
    public async Task DataJobsPausesKeysAndPasswordsSurviveTheUpgrade()
    {
        var before = CountRows();
        var pausedFireTime = Scalar("SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'database-maintenance'");

        await using var portal = Portal();
        var services = portal.Services;

        Assert.Equal(before, CountRows());
        Assert.Equal(4, Scalar("SELECT COUNT(*) FROM JobRuns WHERE Id <= 4 AND Status = 'Succeeded'"));
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        var jobs = await services.GetRequiredService<JobsService>().ListAsync(Admin);
        Assert.Equal(9, jobs.Count(j => j.IsScheduled));
        Assert.Equal(["database-maintenance", "send-course-update"], jobs.Where(j => j.IsPaused).Select(j => j.Name));
        Assert.Equal(pausedFireTime, Scalar("SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'database-maintenance'"));
        var (_, token) = await services.GetRequiredService<CatalogSettingsService>().ForSyncAsync(CancellationToken.None);
        Assert.Equal("legacy-catalog-token-2026", token);
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var superuser = await users.FindByEmailAsync(DemoAccounts.Superuser.Email);
            Assert.True(await users.CheckPasswordAsync(superuser!, DemoAccounts.Superuser.Password));
        }
    }

    [Fact]
    public async Task APausedJobStillRunsNowAndStaysPausedAcrossAnotherRestart()
    {
        await using (var first = Portal())
        {
            await first.Services.GetRequiredService<JobsService>().RunNowAsync("database-maintenance", Admin);
            var run = await Eventually.WaitForAsync(async () => (await first.Services.AllAsync("database-maintenance"))
                .FirstOrDefault(r => r.Status != JobRunStatus.Running && r.StartedBy == JobStarter.User), "the run asked for now");
            Assert.Equal(JobRunStatus.Succeeded, run.Status);
        }

        await using var second = Portal();
        var jobs = await second.Services.GetRequiredService<JobsService>().ListAsync(Admin);

        Assert.True(jobs.Single(j => j.Name == "database-maintenance").IsPaused);
        Assert.False(jobs.Single(j => j.Name == "send-recurring-nudge").IsPaused);
    }

    [Fact]
    public async Task TwoProcessesStartingTogetherUpgradeTheJobStoreOnce()
    {
        var database = PortalDatabase.ForSqliteFile($"Data Source={directory.DatabaseFile};Pooling=False", directory.DatabaseFile);
        var upgrades = Enumerable.Range(0, 4).Select(_ => new JobStoreUpgrade(database, NullLogger<JobStoreUpgrade>.Instance));

        await Task.WhenAll(upgrades.Select(upgrade => Task.Run(() => upgrade.RunAsync(CancellationToken.None))));

        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM pragma_table_info('QRTZ_TRIGGERS') WHERE name = 'RETRY_POLICY'"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'QRTZ_PAUSED_JOB_GRPS'"));
    }

    private Dictionary<string, long> CountRows()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in DataTables)
        {
            counts[table] = Scalar($"SELECT COUNT(*) FROM \"{table}\"");
        }
        Assert.All(counts, count => Assert.True(count.Value > 0, $"{count.Key} has no rows in the fixture"));
        return counts;
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={directory.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
