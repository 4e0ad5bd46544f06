using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AdminPortal.Data;

/// <summary>Creates a SQLite file on first use, applies pending migrations and switches a SQLite file to WAL.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> contextFactory,
    PortalDatabase database,
    ILogger<DatabaseInitializer> logger)
{
    /// <returns>The names of the migrations that were applied now.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        database.CreateFilesIfMissing();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Asked first so that a new database is not reported as an error: EF logs the failed read of a missing history table.
        var history = db.GetService<IHistoryRepository>();
        var isNew = !await CreateIfMissingAsync(db, cancellationToken) || !await history.ExistsAsync(cancellationToken);
        if (isNew && database.Provider == DatabaseProvider.PostgreSql)
        {
            // Npgsql's Migrate reads the history table before it creates it, and logs that read's failure as an error.
            await history.CreateIfNotExistsAsync(cancellationToken);
        }
        var pending = isNew ? db.Database.GetMigrations().ToList() : (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to {Database}: {Migrations}", pending.Count, database.Description, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (database.IsSqlite)
        {
            // WAL lets the pages read while a job writes; the mode is stored in the file, so setting it once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        return pending;
    }

    /// <returns>Whether the database was there already (a SQLite file is created by its first connection).</returns>
    private async Task<bool> CreateIfMissingAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            return await creator.ExistsAsync(cancellationToken);
        }
        // EF's own check (which its Migrate also makes) opens a connection to the missing database and logs the refusal as
        // an error before it answers: on a first install the operator would read "ERR" for what is expected.
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException created) when (created.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance starting at the same moment created it; its migrations are serialised by EF's lock.
            }
            return false;
        }
    }
}
