using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

/// <summary>
/// Keeps a context's connection open with commits that do not wait for the disk, until disposed: on SQLite
/// synchronous = NORMAL (with the write-ahead log a commit still survives the process being killed), on PostgreSQL
/// synchronous_commit = off (the server has the commit and writes it within a fraction of a second, whatever happens to
/// the portal's process). Only a crash of the database's machine or server can take back the last commits; SQL Server
/// commits durably as ever. For work that a re-run repeats without harm: the outbox's rows and its sent marks.
/// </summary>
public sealed class CommitsWithoutWaiting : IAsyncDisposable
{
    private readonly PortalDbContext db;
    private readonly string? restore;

    private CommitsWithoutWaiting(PortalDbContext db, string? restore) => (this.db, this.restore) = (db, restore);

    public static async Task<CommitsWithoutWaiting> BeginAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        try
        {
            var (restore, relax) = db.Provider() switch
            {
                DatabaseProvider.Sqlite => ($"PRAGMA synchronous = {Convert.ToInt32(await RunAsync(connection, "PRAGMA synchronous", cancellationToken), CultureInfo.InvariantCulture)}",
                    "PRAGMA synchronous = NORMAL"),
                DatabaseProvider.PostgreSql => ("RESET synchronous_commit", "SET synchronous_commit = off"),
                _ => ((string?)null, (string?)null),
            };
            if (relax is not null)
            {
                await RunAsync(connection, relax, cancellationToken);
            }
            return new CommitsWithoutWaiting(db, restore);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    private static async Task<object?> RunAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        var connection = db.Database.GetDbConnection();
        try
        {
            if (restore is not null)
            {
                // The connection goes back to the pool: the next user gets the setting it had.
                await RunAsync(connection, restore, CancellationToken.None);
            }
        }
        catch (DbException)
        {
            // A connection that cannot take the setting back is broken: keep it out of the pool rather than back relaxed.
            switch (connection)
            {
                case Microsoft.Data.Sqlite.SqliteConnection sqlite:
                    Microsoft.Data.Sqlite.SqliteConnection.ClearPool(sqlite);
                    break;
                case Npgsql.NpgsqlConnection postgres:
                    Npgsql.NpgsqlConnection.ClearPool(postgres);
                    break;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
