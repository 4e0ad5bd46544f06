using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdminPortal.Data;

/// <summary>
/// Per-connection SQLite settings, applied to every connection EF opens (and to the bulk connections): a page cache
/// and memory-mapped reads large enough that a search over a million learners reads from memory, not from disk.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
