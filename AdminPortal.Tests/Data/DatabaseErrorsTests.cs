using System.Net.Sockets;
using AdminPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Tests.Data;

public sealed class DatabaseErrorsTests
{
    public static TheoryData<string, Exception> Unavailable => new()
    {
        { "PostgreSQL refused the connection", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException(111)) },
        { "PostgreSQL closed it mid-statement", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()) },
        { "PostgreSQL is shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown) },
        { "PostgreSQL is starting", new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow) },
        { "inside EF's failed save", new DbUpdateException("save failed", new NpgsqlException("Failed to connect", new SocketException(111))) },
        { "a SQLite file that cannot be opened", new SqliteException("unable to open database file", 14) },
    };

    public static TheoryData<string, Exception> Available => new()
    {
        { "a unique key", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation) },
        { "a busy SQLite", new SqliteException("database is locked", 5) },
        { "a serialization failure", new PostgresException("could not serialize", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure) },
        { "a bug", new InvalidOperationException("no database involved") },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void ADatabaseThatCannotBeReachedIsUnavailable(string what, Exception error) =>
        Assert.True(DatabaseErrors.IsUnavailable(error), what);

    [Theory]
    [MemberData(nameof(Available))]
    public void ARefusalOfADatabaseThatAnsweredIsNot(string what, Exception error) =>
        Assert.False(DatabaseErrors.IsUnavailable(error), what);
}
