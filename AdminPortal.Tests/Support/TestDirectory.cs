using System.Collections.Concurrent;
using AdminPortal.Cli;
using AdminPortal.Data;

namespace AdminPortal.Tests.Support;

/// <summary>A fresh folder under the temp directory for one test host's database and logs, deleted afterwards.</summary>
public sealed class TestDirectory : IDisposable
{
    private TestDirectory(string path, DatabaseProvider provider)
    {
        Path = path;
        Database = TestDatabase.In(path, provider);
    }

    public string Path { get; }

    public TestDatabase Database { get; }

    /// <summary>The SQLite file of a test that is about SQLite itself (a checkpoint, a file's mode, the sqlite3 shell).</summary>
    public string DatabaseFile => Database is TestDatabase.SqliteFile file ? file.Path
        : throw new InvalidOperationException("This test reads the SQLite file itself: it runs on SQLite only.");

    /// <summary>Where the portal writes emails as .eml files.</summary>
    public string PickupDirectory => System.IO.Path.Combine(Path, "outbox");

    /// <summary>The job store's name for this folder's rows: a host restarted on the folder finds them again under it.</summary>
    public string SchedulerName { get; } = $"tests-{Guid.NewGuid():N}";

    /// <summary>A folder whose database is on the provider of the test that is running (<see cref="TestDatabase.ForThisTest"/>).</summary>
    public static TestDirectory Create(string purpose) => Create(purpose, TestDatabase.ForThisTest);

    private static TestDirectory Create(string purpose, DatabaseProvider provider)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "admin-portal-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new TestDirectory(path, provider);
    }

    /// <summary>
    /// A folder whose database is a copy of one migrated once per test run: a host started on it finds nothing to migrate,
    /// which saves most of its start. Tests of migrating itself use <see cref="Create(string)"/>.
    /// </summary>
    public static TestDirectory CreateMigrated(string purpose)
    {
        var directory = Create(purpose);
        // Blocking is safe: the template is built on the thread pool, away from the test framework's threads.
        var template = MigratedDatabases.GetOrAdd(directory.Database.Provider, MigratedTemplate).Value;
        Task.Run(async () => await directory.Database.CopyFromAsync(await template)).GetAwaiter().GetResult();
        return directory;
    }

    // One per provider: a run makes both SQLite's and PostgreSQL's.
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<TestDatabase>>> MigratedDatabases = new();

    private static Lazy<Task<TestDatabase>> MigratedTemplate(DatabaseProvider provider) => new(() => Task.Run(async () =>
    {
        var template = Create("migrated-template", provider);
        await (await CliHost.StartAsync([], template.Settings(), CancellationToken.None)).DisposeAsync();
        return template.Database;
    }));

    /// <summary>Settings that point a portal host at this folder.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider.ToString(),
            ["ConnectionStrings:Portal"] = Database.ConnectionString,
            // On SQLite the file's folder; on a server database the portal's own files still go to the test's folder.
            ["Database:DataFolder"] = Path,
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
        Database.Drop();
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
