using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Data;

/// <summary>
/// Rows for one table, kept until written a batch at a time through the provider's fast path: one prepared INSERT on
/// SQLite, binary COPY on PostgreSQL, SqlBulkCopy on SQL Server. Values go as given, times as UTC.
/// </summary>
public sealed class BulkTable(string table, params string[] columns)
{
    private readonly List<object?[]> pending = [];

    public long Rows { get; private set; }

    public void Add(params object?[] values)
    {
        pending.Add(values);
        Rows++;
    }

    /// <summary>Writes the rows added since the last write, in <paramref name="transaction"/>.</summary>
    public void WriteTo(DbConnection connection, DbTransaction transaction)
    {
        switch (connection)
        {
            case NpgsqlConnection postgres:
                Copy(postgres);
                break;
            case SqlConnection sqlServer:
                BulkCopy(sqlServer, (SqlTransaction)transaction);
                break;
            default:
                Insert(connection, transaction);
                break;
        }
        pending.Clear();
    }

    /// <summary>After rows written with their own ids: the next id the database gives is above them.</summary>
    public static void ContinueIdsAfterExplicitOnes(DbConnection connection, DbTransaction transaction, string table)
    {
        if (connection is not NpgsqlConnection)
        {
            // SQLite takes the next id above the largest; SQL Server moves its identity past inserted ones itself.
            return;
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), coalesce(max("Id"), 0) + 1, false) FROM "{table}" """;
        command.ExecuteNonQuery();
    }

    private void Insert(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({Quoted()}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) => command.AddParameter($"@p{i}", null)).ToArray();
        command.Prepare();
        foreach (var row in pending)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
    }

    private void Copy(NpgsqlConnection connection)
    {
        using var importer = connection.BeginBinaryImport($"COPY \"{table}\" ({Quoted()}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in pending)
        {
            importer.StartRow();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        importer.WriteNull();
                        break;
                    case DateTime time:
                        importer.Write(DateTime.SpecifyKind(time, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                        break;
                    case int number:
                        importer.Write(number, NpgsqlDbType.Integer);
                        break;
                    case long number:
                        importer.Write(number, NpgsqlDbType.Bigint);
                        break;
                    case double number:
                        importer.Write(number, NpgsqlDbType.Double);
                        break;
                    case bool flag:
                        importer.Write(flag, NpgsqlDbType.Boolean);
                        break;
                    default:
                        importer.Write(value.ToString(), NpgsqlDbType.Text);
                        break;
                }
            }
        }
        importer.Complete();
    }

    private void BulkCopy(SqlConnection connection, SqlTransaction transaction)
    {
        using var rows = new DataTable(table);
        foreach (var column in columns)
        {
            rows.Columns.Add(column, typeof(object));
        }
        foreach (var row in pending)
        {
            rows.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
        }
        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.KeepIdentity | SqlBulkCopyOptions.CheckConstraints, transaction)
        {
            DestinationTableName = $"[{table}]",
            BulkCopyTimeout = 0,
        };
        foreach (var column in columns)
        {
            copy.ColumnMappings.Add(column, column);
        }
        copy.WriteToServer(rows);
    }

    private string Quoted() => string.Join(", ", columns.Select(c => $"\"{c}\""));
}
