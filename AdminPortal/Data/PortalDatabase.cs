using System.Data.Common;
using AdminPortal.Hosting;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AdminPortal.Data;

/// <summary>The database the portal keeps everything in: <c>Database:Provider</c> and <c>ConnectionStrings:Portal</c>.</summary>
/// <param name="FilePath">The SQLite file; null on a database server.</param>
/// <param name="DataFolder">Where the portal keeps its own files (the first-run code; on SQLite the protection keys too).</param>
/// <param name="CreateFolder">Whether the SQLite file's folder may be created (<c>Database:CreateFolder</c>); else it must exist.</param>
public sealed record PortalDatabase(DatabaseProvider Provider, string ConnectionString, string? FilePath, string DataFolder, bool CreateFolder = false)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Portal";
    public const string CreateFolderKey = "Database:CreateFolder";
    public const string DataFolderKey = "Database:DataFolder";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>For a SQLite file: the connection string and file path, with the data folder the file's own.</summary>
    public static PortalDatabase ForSqliteFile(string connectionString, string filePath, bool createFolder = false) =>
        new(DatabaseProvider.Sqlite, connectionString, filePath, Path.GetDirectoryName(filePath)!, createFolder);

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>What logs and the CLI name: the file, or the database and its server (never the password).</summary>
    public string Description => Provider switch
    {
        DatabaseProvider.PostgreSql when new NpgsqlConnectionStringBuilder(ConnectionString) is var pg =>
            $"PostgreSQL database {pg.Database} on {pg.Host}:{pg.Port}",
        DatabaseProvider.SqlServer when new SqlConnectionStringBuilder(ConnectionString) is var ms =>
            $"SQL Server database {ms.InitialCatalog} on {ms.DataSource}",
        _ => FilePath!,
    };

    /// <summary>Reads the provider and connection string; a SQLite file path is made absolute against the content root.</summary>
    public static PortalDatabase FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderIn(configuration);
        var configured = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new PortalConfigurationException($"{ConnectionStringKey} is missing: set it to a {provider} connection string such as \"{Example(provider)}\".");
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            return SqliteFile(configuration, contentRoot, configured);
        }
        var dataFolder = Path.GetFullPath(configuration[DataFolderKey] ?? "data", contentRoot);
        return provider == DatabaseProvider.PostgreSql
            ? new PortalDatabase(provider, PostgreSqlServer(configured), null, dataFolder)
            : new PortalDatabase(provider, SqlServer(configured), null, dataFolder);
    }

    /// <summary>The configured provider (SQLite when none is), for what is decided as the services are registered.</summary>
    public static DatabaseProvider ProviderIn(IConfiguration configuration)
    {
        var configured = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }
        var names = Enum.GetNames<DatabaseProvider>();
        var name = names.FirstOrDefault(n => n.Equals(configured.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new PortalConfigurationException($"{ProviderKey} is \"{configured}\": use {string.Join(", ", names)}.");
        return Enum.Parse<DatabaseProvider>(name);
    }

    private static string Example(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => "Host=db.example.org;Database=portal;Username=portal;Password=...",
        DatabaseProvider.SqlServer => "Server=db.example.org;Database=portal;User Id=portal;Password=...;Encrypt=true",
        _ => "Data Source=data/portal.db",
    };

    private static PortalDatabase SqliteFile(IConfiguration configuration, string contentRoot, string configured)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(configured);
        }
        catch (ArgumentException e)
        {
            throw new PortalConfigurationException($"{ConnectionStringKey} is not a valid SQLite connection string: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new PortalConfigurationException(
                $"{ConnectionStringKey} must name a database file (Data Source=...); the portal does not run on an in-memory database.");
        }
        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        var createFolder = configuration.GetValue<bool>(CreateFolderKey);
        var folder = Path.GetDirectoryName(builder.DataSource)!;
        if (!createFolder && !Directory.Exists(folder))
        {
            // A typo in the path would otherwise start an empty portal in a folder nobody backs up.
            throw new PortalConfigurationException(
                $"{ConnectionStringKey} points into {folder}, which does not exist: create it, or set {CreateFolderKey}=true to let the portal create it.");
        }
        return ForSqliteFile(builder.ToString(), builder.DataSource, createFolder);
    }

    private static string PostgreSqlServer(string configured)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new PortalConfigurationException($"{ConnectionStringKey} is not a valid PostgreSQL connection string: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new PortalConfigurationException(
                $"{ConnectionStringKey} must name the server and the database (Host=...;Database=...) when {ProviderKey} is PostgreSql.");
        }
        return builder.ConnectionString;
    }

    private static string SqlServer(string configured)
    {
        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(configured);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new PortalConfigurationException($"{ConnectionStringKey} is not a valid SQL Server connection string: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource) || string.IsNullOrWhiteSpace(builder.InitialCatalog))
        {
            throw new PortalConfigurationException(
                $"{ConnectionStringKey} must name the server and the database (Server=...;Database=...) when {ProviderKey} is SqlServer.");
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// Creates the data folder (readable by the portal's user only, 0700) and, on SQLite, an empty database file (0600;
    /// SQLite gives its -wal and -shm files the same mode) when they are missing, before SQLite opens the file.
    /// </summary>
    public void CreateFilesIfMissing()
    {
        if (!Directory.Exists(DataFolder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(DataFolder);
            }
            else
            {
                Directory.CreateDirectory(DataFolder, OwnerOnlyFolder);
            }
        }
        if (FilePath is not null && !File.Exists(FilePath))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnlyFile;
            }
            try
            {
                using var _ = new FileStream(FilePath, options);
            }
            catch (IOException) when (File.Exists(FilePath))
            {
                // Another process created it a moment ago.
            }
        }
    }

    /// <summary>
    /// A raw connection for bulk work (imports, demo data), set up as EF's own (<see cref="SqliteConnectionSetup"/> on SQLite).
    /// SQLite waits for a busy write lock up to the command timeout rather than failing at once.
    /// </summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Provider switch
        {
            DatabaseProvider.PostgreSql => new NpgsqlConnection(ConnectionString),
            DatabaseProvider.SqlServer => new SqlConnection(ConnectionString),
            _ => new SqliteConnection(ConnectionString),
        };
        await connection.OpenAsync(cancellationToken);
        if (IsSqlite)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = SqliteConnectionSetup.Pragmas;
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }

    /// <summary>A time as raw SQL compares it with stored ones: SQLite stores text (whose order is time order), a server a UTC time.</summary>
    public object TimeAsStored(DateTime utc) => IsSqlite ? SqliteTimes.Text(utc) : DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}
