using AdminPortal.Domain.Jobs;
using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.DatabaseMaintenance;

[RunsOnPostgreSql]
public sealed class DatabaseMaintenanceJobTests
{
    private static readonly Dictionary<string, long> NoCounts = [];

    private static async Task<JobRun> AddRunAsync(PortalServices portal, int daysAgo, bool finished = true, int lines = 0)
    {
        var started = DateTime.UtcNow.AddDays(-daysAgo);
        var run = JobRun.Start("test-report", "jobs run", JobStarter.Cli, null, started);
        if (finished)
        {
            run.Succeed(started.AddMinutes(1), NoCounts,
                Enumerable.Range(1, lines).Select(i => new JobRunLogLine(started, JobLogLevel.Information, $"line {i}")));
        }
        return await portal.Services.AddAsync(run);
    }

    private static Task<JobRun> RunMaintenanceAsync(PortalServices portal) =>
        portal.Get<JobRunner>().RunAsync(portal.Get<JobCatalog>().Find(DatabaseMaintenanceJob.Name)!, JobStart.Cli, CancellationToken.None);

    [Fact]
    public async Task FinishedRunsOlderThanTheRetentionArePrunedWithTheirLogLines()
    {
        await using var portal = await PortalServices.StartAsync();
        await AddRunAsync(portal, daysAgo: 120, lines: 2);
        await AddRunAsync(portal, daysAgo: 91, lines: 1);
        var recent = await AddRunAsync(portal, daysAgo: 89, lines: 1);
        var stillRunning = await AddRunAsync(portal, daysAgo: 200, finished: false);

        var maintenance = await RunMaintenanceAsync(portal);

        Assert.Equal(JobRunStatus.Succeeded, maintenance.Status);
        Assert.Equal((2L, 3L), (maintenance.Counts["pruned-runs"], maintenance.Counts["pruned-log-lines"]));
        var left = await portal.Services.AllAsync();
        Assert.Equal([recent.Id, stillRunning.Id, maintenance.Id], left.Select(r => r.Id));
        Assert.Equal("line 1", Assert.Single(left[0].LogLines).Message);
        Assert.StartsWith("Pruned 2 job run(s) and 3 log line(s) started before ", maintenance.LogLines[0].Message);
        Assert.EndsWith("(90 days kept).", maintenance.LogLines[0].Message);
    }

    [Fact]
    public async Task TheRetentionComesFromConfiguration()
    {
        await using var portal = await PortalServices.StartAsync(("Jobs:RetentionDays", "7"));
        await AddRunAsync(portal, daysAgo: 8);
        var recent = await AddRunAsync(portal, daysAgo: 6);

        var maintenance = await RunMaintenanceAsync(portal);

        Assert.Equal(1, maintenance.Counts["pruned-runs"]);
        Assert.Equal([recent.Id, maintenance.Id], (await portal.Services.AllAsync()).Select(r => r.Id));
    }

    [Fact]
    [SqliteOnly("SQLite's write-ahead log and PRAGMA optimize")]
    public async Task ItCheckpointsTheWriteAheadLogAndOptimizes()
    {
        await using var portal = await PortalServices.StartAsync();
        await portal.Get<AdminPortal.Features.DemoData.DemoDataSeeder>().SeedAsync(200, 3, PortalServices.Admin);
        var walAfterWrites = WalLength(portal);
        Assert.True(walAfterWrites > 0, "the writes left nothing in the write-ahead log to checkpoint");

        var maintenance = await RunMaintenanceAsync(portal);

        Assert.InRange(maintenance.Counts["wal-kib-checkpointed"], walAfterWrites / 1024, long.MaxValue);
        Assert.Contains(maintenance.LogLines, l => l.Message.StartsWith("WAL checkpoint (TRUNCATE): ", StringComparison.Ordinal));
        Assert.Equal("PRAGMA optimize done.", maintenance.LogLines[^1].Message);
        // Only the run's own record (its row, log lines and their index pages: a few 4 KiB pages) is in the log after
        // the checkpoint emptied it.
        Assert.InRange(WalLength(portal), 0, 16 * 4096);
    }

    // SQLite may delete the -wal file when its last connection closes: no file is an empty log.
    private static long WalLength(PortalServices portal) => new FileInfo(portal.DatabaseFile + "-wal") is { Exists: true } wal ? wal.Length : 0;
}
