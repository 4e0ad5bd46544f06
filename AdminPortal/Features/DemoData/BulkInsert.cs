using Microsoft.Data.Sqlite;

namespace AdminPortal.Features.DemoData;

/// <summary>One prepared INSERT reused for every row: the fast way to write millions of rows to SQLite.</summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public BulkInsert(SqliteConnection connection, string table, params string[] columns)
    {
        command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"@p{i}", null))).ToArray();
    }

    public long Rows { get; private set; }

    public SqliteTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    public void Add(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => command.Dispose();
}
