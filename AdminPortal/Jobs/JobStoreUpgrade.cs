using AdminPortal.Data;
using AdminPortal.Hosting;
using Microsoft.Data.Sqlite;

namespace AdminPortal.Jobs;

/// <summary>
/// Brings a job store made by the release before (Quartz 3.22's tables, which a migration of ours created) up to Quartz 4:
/// the columns and the table 4.x added, as Quartz's own migrations under <c>database/migrations/4.0</c> to <c>4.7</c> add
/// them for SQLite. Quartz creates a new store itself (<c>ProvisionSchema</c>) but refuses to start on an old one, since it
/// never alters a table. Triggers, their paused state and their next fire times are kept: only columns are added.
/// </summary>
internal sealed class JobStoreUpgrade(PortalDatabase database, ILogger<JobStoreUpgrade> logger) : IStartupStep
{
    public StartupStage Stage => StartupStage.JobStore;

    /// <summary>Every column 4.x reads that 3.22 did not have, with the type Quartz 4's SQLite schema gives it.</summary>
    private static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("QRTZ_TRIGGERS", "RETRY_POLICY", "NVARCHAR(250) NULL"),
        ("QRTZ_TRIGGERS", "RETRY_ATTEMPT", "INTEGER NULL"),
        ("QRTZ_TRIGGERS", "CONTINUES_TRIGGER_NAME", "NVARCHAR(150) NULL"),
        ("QRTZ_TRIGGERS", "CONTINUES_TRIGGER_GROUP", "NVARCHAR(150) NULL"),
        ("QRTZ_TRIGGERS", "CONTINUATION_CONDITION", "INTEGER NULL"),
        ("QRTZ_TRIGGERS", "OVERLAP_POLICY", "INTEGER NULL"),
        ("QRTZ_TRIGGERS", "PAUSE_REASON", "NVARCHAR(250) NULL"),
        ("QRTZ_TRIGGERS", "PAUSED_BY", "NVARCHAR(200) NULL"),
        ("QRTZ_TRIGGERS", "PAUSED_AT", "BIGINT NULL"),
        ("QRTZ_TRIGGERS", "MISFIRE_THRESHOLD", "BIGINT NULL"),
        ("QRTZ_TRIGGERS", "FIXED_DELAY", "BIT NULL"),
        ("QRTZ_FIRED_TRIGGERS", "PROGRESS", "INTEGER NULL"),
        ("QRTZ_FIRED_TRIGGERS", "PROGRESS_MESSAGE", "NVARCHAR(250) NULL"),
        ("QRTZ_FIRED_TRIGGERS", "INTERRUPT_REQUESTED_TIME", "BIGINT NULL"),
        ("QRTZ_PAUSED_TRIGGER_GRPS", "PAUSE_REASON", "NVARCHAR(250) NULL"),
        ("QRTZ_PAUSED_TRIGGER_GRPS", "PAUSED_BY", "NVARCHAR(200) NULL"),
        ("QRTZ_PAUSED_TRIGGER_GRPS", "PAUSED_AT", "BIGINT NULL"),
        ("QRTZ_SCHEDULER_STATE", "QUARTZ_VERSION", "NVARCHAR(20) NULL"),
    ];

    /// <summary>
    /// What 3.22's schema had that 4.x names or shapes otherwise: delete triggers 4.x recreates with the table prefix, an
    /// index 4.x recreates with more columns, and two it no longer keeps. Quartz creates the missing ones at its start.
    /// </summary>
    private const string ReplacedObjects = """
        DROP TRIGGER IF EXISTS DELETE_SIMPLE_TRIGGER;
        DROP TRIGGER IF EXISTS DELETE_SIMPROP_TRIGGER;
        DROP TRIGGER IF EXISTS DELETE_CRON_TRIGGER;
        DROP TRIGGER IF EXISTS DELETE_BLOB_TRIGGER;
        DROP INDEX IF EXISTS IDX_QRTZ_T_NFT_ST;
        DROP INDEX IF EXISTS IDX_QRTZ_T_NEXT_FIRE_TIME;
        DROP INDEX IF EXISTS IDX_QRTZ_J_REQ_RECOVERY;
        """;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Only a SQLite file can hold a store from the release before: the server databases came after it.
        if (database.FilePath is null || !File.Exists(database.FilePath))
        {
            return;
        }
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // One transaction, begun before the check (BEGIN IMMEDIATE: the write lock), so of two processes starting together
        // the second sees the store already upgraded; SQLite's schema changes are transactional, so it is upgraded whole or
        // not at all.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (!await IsQuartz3StoreAsync(transaction, cancellationToken))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Concat(AddedColumns.Select(c => $"ALTER TABLE {c.Table} ADD COLUMN {c.Column} {c.Type};\n")) + """
            CREATE TABLE IF NOT EXISTS QRTZ_PAUSED_JOB_GRPS (
              SCHED_NAME NVARCHAR(120) NOT NULL,
              JOB_GROUP NVARCHAR(150) NOT NULL,
              PAUSE_REASON NVARCHAR(250) NULL,
              PAUSED_BY NVARCHAR(200) NULL,
              PAUSED_AT BIGINT NULL,
              PRIMARY KEY (SCHED_NAME, JOB_GROUP)
            );
            """ + ReplacedObjects;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Upgraded the job store in {Database} from Quartz 3 to Quartz 4 ({Columns} columns added); its jobs, triggers and pauses are kept",
            database.FilePath, AddedColumns.Length);
    }

    /// <summary>The tables are there (the release before made them) without the first column 4.0 added.</summary>
    private static async Task<bool> IsQuartz3StoreAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'QRTZ_TRIGGERS')
               AND NOT EXISTS (SELECT 1 FROM pragma_table_info('QRTZ_TRIGGERS') WHERE name = 'RETRY_POLICY');
            """;
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken));
    }
}
