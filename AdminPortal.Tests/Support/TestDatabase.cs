using AdminPortal.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AdminPortal.Tests.Support;

/// <summary>
/// The database a test host runs on: a SQLite file in the test's folder, or, in a test's PostgreSQL copy
/// (<see cref="PostgreSqlCopies"/>: where <c>PORTAL_TEST_POSTGRES</c> names a throw-away cluster, as scripts/test.sh does),
/// a database of its own on that cluster, or on a SQL Server of yours (scripts/test-sqlserver.sh,
/// <c>PORTAL_TEST_PROVIDER=SqlServer</c> and <c>PORTAL_TEST_SQLSERVER</c>: never run here, where none can run).
/// </summary>
public abstract class TestDatabase
{
    public const string ProviderVariable = "PORTAL_TEST_PROVIDER";
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";
    public const string SqlServerVariable = "PORTAL_TEST_SQLSERVER";

    /// <summary>The provider of the run: SQLite unless the run was started for a server database.</summary>
    public static DatabaseProvider RunProvider { get; } = Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } name
        ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
        : DatabaseProvider.Sqlite;

    // Set for a test collection's PostgreSQL copy as it starts; it flows with the collection's fixtures, tests and tasks.
    private static readonly AsyncLocal<DatabaseProvider?> CopyProvider = new();

    /// <summary>The provider of the test that is running: its copy's, else the run's.</summary>
    public static DatabaseProvider ForThisTest => CopyProvider.Value ?? RunProvider;

    public static bool IsPostgreSql => ForThisTest == DatabaseProvider.PostgreSql;

    /// <summary>Makes the tests of the calling flow (a collection's copy as its runner starts) run on <paramref name="provider"/>.</summary>
    public static void UseInThisFlow(DatabaseProvider provider) => CopyProvider.Value = provider;

    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Makes this database a copy of <paramref name="template"/> (a migrated one), before any host opens it.</summary>
    public abstract Task CopyFromAsync(TestDatabase template);

    /// <summary>Closes this database's pooled connections and removes it.</summary>
    public abstract void Drop();

    public static TestDatabase In(string folder, DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteFile(Path.Combine(folder, "portal.db")),
        DatabaseProvider.PostgreSql => new PostgreSqlDatabase($"t_{Guid.NewGuid():N}"),
        _ => new SqlServerDatabase($"t_{Guid.NewGuid():N}"),
    };

    public sealed class SqliteFile(string path) : TestDatabase
    {
        public string Path { get; } = path;

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override string ConnectionString => $"Data Source={Path}";

        public override Task CopyFromAsync(TestDatabase template)
        {
            var file = ((SqliteFile)template).Path;
            // Closing its pooled connections checkpoints the template, so the file alone holds all of it (only this file's
            // pool: other tests' databases stay open).
            ClearPool(file);
            File.Copy(file, Path);
            return Task.CompletedTask;
        }

        // This file's pool only: clearing every pool would close other tests' last connections to their databases, and
        // SQLite checkpoints a database whose last connection closes, under a test that counts its checkpoint.
        public override void Drop() => ClearPool(Path);

        private static void ClearPool(string file)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file }.ToString());
            SqliteConnection.ClearPool(connection);
        }
    }

    public sealed class PostgreSqlDatabase(string name) : TestDatabase
    {
        private static readonly string Server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"A PostgreSQL test needs {PostgresVariable} (Host=...;Port=...;Username=...): scripts/test.sh sets it.");

        public string Name { get; } = name;

        public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

        public override string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString;

        public override async Task CopyFromAsync(TestDatabase template)
        {
            var source = (PostgreSqlDatabase)template;
            // A template must have no open connection while it is copied.
            NpgsqlConnection.ClearPool(new NpgsqlConnection(source.ConnectionString));
            // FILE_COPY copies the template's files and checkpoints, about a third of the time of the default WAL_LOG, which
            // writes the whole copy through the log; the cluster runs without fsync, so its checkpoint costs little.
            await ExecuteAsync($"CREATE DATABASE \"{Name}\" TEMPLATE \"{source.Name}\" STRATEGY FILE_COPY");
        }

        public override void Drop()
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)").GetAwaiter().GetResult();
        }

        private static async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Written for a SQL Server of yours; never run here, where none can run.</summary>
    public sealed class SqlServerDatabase(string name) : TestDatabase
    {
        private static readonly string Server = Environment.GetEnvironmentVariable(SqlServerVariable)
            ?? throw new InvalidOperationException($"{ProviderVariable}=SqlServer needs {SqlServerVariable} (Server=...;User Id=...;Password=...;TrustServerCertificate=true).");

        public string Name { get; } = name;

        public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

        public override string ConnectionString => new SqlConnectionStringBuilder(Server) { InitialCatalog = Name }.ConnectionString;

        // SQL Server copies no database from a template: the host that starts on this one migrates it, a slower start.
        public override Task CopyFromAsync(TestDatabase template) => Task.CompletedTask;

        public override void Drop()
        {
            SqlConnection.ClearPool(new SqlConnection(ConnectionString));
            using var connection = new SqlConnection(new SqlConnectionStringBuilder(Server) { InitialCatalog = "master", Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new SqlCommand(
                $"IF DB_ID(N'{Name}') IS NOT NULL BEGIN ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}]; END", connection);
            command.ExecuteNonQuery();
        }
    }
}
