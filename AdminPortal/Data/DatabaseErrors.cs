using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AdminPortal.Data;

/// <summary>What a database's refusal means, in the same words whichever provider refused (EF's wrappers looked through).</summary>
public static class DatabaseErrors
{
    /// <summary>A row broke a constraint: a unique key, a foreign key, a NOT NULL or a CHECK.</summary>
    public static bool IsConstraintViolation(Exception e) => Unwrap(e) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        SqlException sqlServer => sqlServer.Number is 2601 or 2627 or 547 or 515,
        _ => false,
    };

    /// <summary>A row had the unique key of another.</summary>
    public static bool IsUniqueViolation(Exception e) => Unwrap(e) switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>Another writer held what this one needed for longer than it waits: worth trying again shortly.</summary>
    public static bool IsBusy(Exception e) => Unwrap(e) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.SerializationFailure,
        SqlException sqlServer => sqlServer.Number is 1205 or 1222,
        _ => false,
    };

    /// <summary>
    /// The database cannot be reached or went away: a server stopped or restarting, a network failure, a connection that
    /// timed out, a SQLite file that cannot be opened or read. The same request can succeed once the database is back.
    /// </summary>
    public static bool IsUnavailable(Exception e) => Unwrap(e) switch
    {
        // Class 08 is the connection exceptions; 57P01 to 57P03 a server shutting down or starting; 53300 too many connections.
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        NpgsqlException npgsql => npgsql.InnerException is SocketException or IOException or TimeoutException,
        // Timeout, network errors, a database that cannot be opened or is not available (Azure SQL's failover).
        SqlException sqlServer => sqlServer.Number is -2 or 2 or 53 or 64 or 233 or 4060 or 10053 or 10054 or 10060 or 10061
            or 40613 or 40197 or 40501,
        SqliteException sqlite => sqlite.SqliteErrorCode is 10 or 14, // SQLITE_IOERR, SQLITE_CANTOPEN
        _ => false,
    };

    /// <summary>Why a run failed, in words for its record: an outage says so rather than EF's "likely due to a transient failure".</summary>
    public static string Reason(Exception e) =>
        IsUnavailable(e) ? $"the database was unavailable ({e.GetBaseException().Message})" : e.Message;

    /// <summary>The provider's own exception, inside EF's (a failed save, a transient failure of a server).</summary>
    private static Exception Unwrap(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is DbException)
            {
                return current;
            }
        }
        return e;
    }
}
