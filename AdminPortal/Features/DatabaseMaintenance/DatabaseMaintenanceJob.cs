using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.DatabaseMaintenance;

/// <summary>
/// Keeps the database healthy: prunes old job runs; on SQLite, folds the write-ahead log back into the file and lets
/// SQLite refresh its query-planner statistics; on a server, refreshes the planner's statistics.
/// </summary>
public sealed class DatabaseMaintenanceJob(
    JobRunRecorder runs,
    IDbContextFactory<PortalDbContext> contexts,
    PortalDatabase database,
    IOptions<JobsOptions> options,
    TimeProvider clock) : IPortalJob
{
    public const string Name = "database-maintenance";

    public async Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var retention = options.Value.RetentionDays;
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-retention);
        var (prunedRuns, prunedLines) = await runs.PruneAsync(cutoff, cancellationToken);
        run.Count("pruned-runs", prunedRuns);
        run.Count("pruned-log-lines", prunedLines);
        run.Log($"Pruned {prunedRuns} job run(s) and {prunedLines} log line(s) started before " +
            $"{cutoff.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC ({retention} days kept).");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (database.FilePath is null)
        {
            await RefreshServerStatisticsAsync(db, run, cancellationToken);
            return;
        }
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var wal = new FileInfo(database.FilePath + "-wal");
        var walKib = wal.Exists ? wal.Length / 1024 : 0;
        await using (var checkpoint = connection.CreateCommand())
        {
            // TRUNCATE also empties the -wal file, which otherwise keeps the size of its busiest moment.
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var result = await checkpoint.ExecuteReaderAsync(cancellationToken);
            await result.ReadAsync(cancellationToken);
            if (result.GetInt64(0) != 0)
            {
                run.Warn($"WAL checkpoint could not finish ({walKib} KiB in the log): another connection was busy; the next run tries again.");
            }
            else
            {
                run.Count("wal-kib-checkpointed", walKib);
                run.Log($"WAL checkpoint (TRUNCATE): {walKib} KiB written back; the log file is empty again.");
            }
        }
        await using (var optimize = connection.CreateCommand())
        {
            optimize.CommandText = "PRAGMA optimize;";
            await optimize.ExecuteNonQueryAsync(cancellationToken);
        }
        run.Log("PRAGMA optimize done.");
    }

    internal const string SqlServerStatistics = "EXEC sp_updatestats;";

    /// <summary>A server keeps its own log and vacuums by itself; fresh statistics still help the planner after a large import.</summary>
    private static async Task RefreshServerStatisticsAsync(PortalDbContext db, JobRunContext run, CancellationToken cancellationToken)
    {
        var (sql, what) = db.Provider() == DatabaseProvider.PostgreSql ? ("ANALYZE;", "ANALYZE") : (SqlServerStatistics, "sp_updatestats");
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        run.Log($"{what} done: the planner's statistics are fresh.");
    }
}
