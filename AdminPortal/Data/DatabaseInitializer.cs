using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

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
        var isNew = !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken)
            || !await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken);
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
}
