using Microsoft.Data.Sqlite;

namespace AdminPortal.Data;

/// <summary>The SQLite file the portal keeps everything in, from <c>ConnectionStrings:Portal</c>.</summary>
public sealed record PortalDatabase(string ConnectionString, string FilePath)
{
    public const string ConnectionStringKey = "ConnectionStrings:Portal";

    /// <summary>Reads the connection string and makes a relative file path absolute against the content root.</summary>
    public static PortalDatabase FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"{ConnectionStringKey} is missing: set it to a SQLite connection string such as \"Data Source=data/portal.db\".");
        }
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(configured);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{ConnectionStringKey} is not a valid SQLite connection string: {e.Message}", e);
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new InvalidOperationException(
                $"{ConnectionStringKey} must name a database file (Data Source=...); the portal does not run on an in-memory database.");
        }
        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        return new PortalDatabase(builder.ToString(), builder.DataSource);
    }

    /// <summary>
    /// A raw connection for bulk work (imports, demo data), set up as EF's own (<see cref="SqliteConnectionSetup"/>).
    /// SQLite waits for a busy write lock up to the command timeout rather than failing at once.
    /// </summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = SqliteConnectionSetup.Pragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
