using System.Data.Common;
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
