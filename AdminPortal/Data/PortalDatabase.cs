using AdminPortal.Hosting;
using Microsoft.Data.Sqlite;

namespace AdminPortal.Data;

/// <summary>The SQLite file the portal keeps everything in, from <c>ConnectionStrings:Portal</c>.</summary>
/// <param name="CreateFolder">Whether the file's folder may be created (<c>Database:CreateFolder</c>); else it must exist.</param>
public sealed record PortalDatabase(string ConnectionString, string FilePath, bool CreateFolder = false)
{
    public const string ConnectionStringKey = "ConnectionStrings:Portal";
    public const string CreateFolderKey = "Database:CreateFolder";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Folder => Path.GetDirectoryName(FilePath)!;

    /// <summary>Reads the connection string and makes a relative file path absolute against the content root.</summary>
    public static PortalDatabase FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new PortalConfigurationException(
                $"{ConnectionStringKey} is missing: set it to a SQLite connection string such as \"Data Source=data/portal.db\".");
        }
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
        return new PortalDatabase(builder.ToString(), builder.DataSource, createFolder);
    }

    /// <summary>
    /// Creates the folder (readable by the portal's user only, 0700) and an empty database file (0600; SQLite gives its
    /// -wal and -shm files the same mode) when they are missing, before SQLite opens the file.
    /// </summary>
    public void CreateFilesIfMissing()
    {
        if (!Directory.Exists(Folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Folder);
            }
            else
            {
                Directory.CreateDirectory(Folder, OwnerOnlyFolder);
            }
        }
        if (!File.Exists(FilePath))
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
