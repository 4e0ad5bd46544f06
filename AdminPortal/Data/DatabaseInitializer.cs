using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

/// <summary>Creates the database file on first use, applies pending migrations and switches the file to WAL.</summary>
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
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to {Database}: {Migrations}", pending.Count, database.FilePath, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
        // WAL lets the pages read while a job writes; the mode is stored in the file, so setting it once is enough.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return pending;
    }
}
