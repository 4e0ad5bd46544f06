using AdminPortal.Cli;
using Microsoft.Data.Sqlite;

namespace AdminPortal.Tests.Support;

/// <summary>A fresh folder under the temp directory for one test host's database and logs, deleted afterwards.</summary>
public sealed class TestDirectory : IDisposable
{
    private TestDirectory(string path) => Path = path;

    public string Path { get; }

    public string DatabaseFile => System.IO.Path.Combine(Path, "portal.db");

    /// <summary>Where the portal writes emails as .eml files.</summary>
    public string PickupDirectory => System.IO.Path.Combine(Path, "outbox");

    /// <summary>The job store's name for this folder's rows: a host restarted on the folder finds them again under it.</summary>
    public string SchedulerName { get; } = $"tests-{Guid.NewGuid():N}";

    public static TestDirectory Create(string purpose)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "admin-portal-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new TestDirectory(path);
    }

    /// <summary>
    /// A folder whose database is a copy of one migrated once per test run: a host started on it finds nothing to migrate,
    /// which saves most of its start. Tests of migrating itself use <see cref="Create"/>.
    /// </summary>
    public static TestDirectory CreateMigrated(string purpose)
    {
        var directory = Create(purpose);
        // Blocking is safe: the template is built on the thread pool, away from the test framework's threads.
        File.Copy(MigratedDatabase.Value.GetAwaiter().GetResult(), directory.DatabaseFile);
        return directory;
    }

    private static readonly Lazy<Task<string>> MigratedDatabase = new(() => Task.Run(async () =>
    {
        var template = Create("migrated-template");
        await (await CliHost.StartAsync([], template.Settings(), CancellationToken.None)).DisposeAsync();
        // Closing its pooled connections checkpoints the database, so the file alone holds all of it (only this file's
        // pool: other tests' databases stay open).
        using (var connection = new SqliteConnection($"Data Source={template.DatabaseFile}"))
        {
            SqliteConnection.ClearPool(connection);
        }
        return template.DatabaseFile;
    }));

    /// <summary>Settings that point a portal host at this folder.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={DatabaseFile}",
            ["Serilog:WriteTo:File:Args:path"] = System.IO.Path.Combine(Path, "logs", "portal-.log"),
            ["Jobs:SchedulerName"] = SchedulerName,
            ["Email:PickupDirectory"] = PickupDirectory,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    public void Dispose()
    {
        // This folder's pool only: clearing every pool would close other tests' last connections to their databases,
        // and SQLite checkpoints a database whose last connection closes, under a test that counts its checkpoint.
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile }.ToString()))
        {
            SqliteConnection.ClearPool(connection);
        }
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held by a disposing host; the temp folder is cleaned by the OS.
        }
    }
}
