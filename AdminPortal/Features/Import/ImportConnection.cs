using System.Data.Common;
using AdminPortal.Data;
using Microsoft.Data.Sqlite;

namespace AdminPortal.Features.Import;

/// <summary>
/// The import's own connection: statements reused across rows, batched look-ups, and a temporary table of the natural
/// keys seen so far (on disk, so memory stays flat however large the file). Its SQL is the form SQLite and PostgreSQL share;
/// on SQL Server the upserts become MERGE statements (<see cref="SqlServerUpserts"/>) and the key table a #temporary one.
/// </summary>
public sealed class ImportConnection(DbConnection connection) : IAsyncDisposable
{
    private const int LookupBatch = 500;
    private readonly Dictionary<string, DbCommand> prepared = [];
    private readonly bool sqlServer = connection is Microsoft.Data.SqlClient.SqlConnection;
    private readonly KeyTable keys = connection is Microsoft.Data.SqlClient.SqlConnection ? SqlServerKeys : Keys;

    public DbTransaction? Transaction { get; private set; }

    /// <summary>The connection itself, for work that must run in the import's transaction (schedules).</summary>
    public DbConnection Connection => connection;

    public void Begin(bool write)
    {
        // A write transaction takes SQLite's write lock at once, so no other writer slips in between check and write.
        Transaction = connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: !write) : connection.BeginTransaction();
        foreach (var command in prepared.Values)
        {
            command.Transaction = Transaction;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Transaction!.CommitAsync(cancellationToken);
        await EndAsync();
    }

    public async Task EndAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
            Transaction = null;
        }
    }

    /// <summary>Runs a statement with named parameters (@name); null values are stored as NULL.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        var command = Prepare(sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        var command = Prepare(sql, values);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DBNull ? null : result;
    }

    /// <summary>Maps each of <paramref name="values"/> found in <c>table.column</c> to the row's id, case-insensitively.</summary>
    public async Task<Dictionary<string, int>> IdsAsync(string table, string column, IEnumerable<string> values, CancellationToken cancellationToken) =>
        (await ValuesAsync(table, column, "Id", values, cancellationToken)).ToDictionary(p => p.Key, p => Convert.ToInt32(p.Value), StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps each of <paramref name="values"/> found in <c>table.keyColumn</c> to that row's <c>valueColumn</c>,
    /// in batches of a few hundred per query. Table and column names are the handlers' constants, never input.</summary>
    public async Task<Dictionary<string, object>> ValuesAsync(
        string table, string keyColumn, string valueColumn, IEnumerable<string> values, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var batch in values.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(LookupBatch))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = Transaction;
            var names = batch.Select((value, i) => command.AddParameter($"@v{i}", value).ParameterName).ToList();
            command.CommandText = $"SELECT \"{keyColumn}\", \"{valueColumn}\" FROM \"{table}\" WHERE \"{keyColumn}\" IN ({string.Join(',', names)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetString(0)] = reader.GetValue(1);
            }
        }
        return found;
    }

    public async Task<List<T>> RowsAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    public Task ResetKeysAsync(CancellationToken cancellationToken) => ExecuteAsync(keys.Reset, cancellationToken);

    /// <returns>The line that already had this key, or null the first time it is seen.</returns>
    public async Task<long?> SeenAtAsync(string column, string key, long line, CancellationToken cancellationToken)
    {
        if (await ExecuteAsync(keys.Add, cancellationToken, ("column", column), ("key", key), ("line", line)) == 1)
        {
            return null;
        }
        return (long?)await ScalarAsync(keys.LineOf, cancellationToken, ("column", column), ("key", key));
    }

    internal sealed record KeyTable(string Reset, string Add, string LineOf);

    private static readonly KeyTable Keys = new(
        """
        CREATE TEMP TABLE IF NOT EXISTS import_keys (column_name TEXT NOT NULL, key_value TEXT NOT NULL, line BIGINT NOT NULL, PRIMARY KEY (column_name, key_value));
        DELETE FROM import_keys;
        """,
        "INSERT INTO import_keys (column_name, key_value, line) VALUES (@column, @key, @line) ON CONFLICT DO NOTHING",
        "SELECT line FROM import_keys WHERE column_name = @column AND key_value = @key");

    internal static readonly KeyTable SqlServerKeys = new(
        """
        IF OBJECT_ID('tempdb..#import_keys') IS NULL
            CREATE TABLE #import_keys (column_name nvarchar(50) NOT NULL, key_value nvarchar(400) NOT NULL, line bigint NOT NULL, PRIMARY KEY (column_name, key_value));
        DELETE FROM #import_keys;
        """,
        """
        INSERT INTO #import_keys (column_name, key_value, line) SELECT @column, @key, @line
        WHERE NOT EXISTS (SELECT 1 FROM #import_keys WHERE column_name = @column AND key_value = @key)
        """,
        "SELECT line FROM #import_keys WHERE column_name = @column AND key_value = @key");

    private DbCommand Prepare(string sql, (string Name, object? Value)[] values)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sqlServer ? SqlServerUpserts.Of(sql) : sql;
            command.Transaction = Transaction;
            foreach (var (name, value) in values)
            {
                command.AddParameter("@" + name, Stored(value));
            }
            prepared[sql] = command;
        }
        foreach (var (name, value) in values)
        {
            command.Parameters["@" + name].Value = Stored(value);
        }
        return command;
    }

    /// <summary>Null as NULL, and every time as UTC: the file's times are UTC, and PostgreSQL's columns take UTC times only.</summary>
    private static object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime { Kind: not DateTimeKind.Utc } time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => value,
    };

    public async ValueTask DisposeAsync()
    {
        await EndAsync();
        foreach (var command in prepared.Values)
        {
            await command.DisposeAsync();
        }
        await connection.DisposeAsync();
    }
}
