using System.Data.Common;
using Npgsql;

namespace AdminPortal.Data;

/// <summary>
/// The transaction of a load of millions of rows into empty tables (the demo data). On PostgreSQL it is one transaction,
/// and the tables' foreign keys and non-unique indexes are dropped when it begins and made again before it commits, as the
/// manual's "Populating a Database" advises: one sort per index and one join per key instead of an insert at a random
/// place of each index and a locked lookup of each referenced row for every row. A failure rolls the schema back with
/// the rows. Unique indexes stay, so a duplicate still fails at once. SQLite and SQL Server keep their indexes, and
/// <see cref="Checkpoint"/> commits every so often to keep their logs small.
/// </summary>
public sealed class BulkLoad : IDisposable
{
    private readonly string[] tables;
    private readonly IReadOnlyList<string> restore;

    private BulkLoad(DbConnection connection, DbTransaction transaction, string[] tables, IReadOnlyList<string> restore)
    {
        Connection = connection;
        this.tables = tables;
        this.restore = restore;
        Transaction = transaction;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; private set; }

    /// <summary>Whether <see cref="Complete"/> makes indexes and keys again, which takes a while over millions of rows.</summary>
    public bool RebuildsOnComplete => restore.Count > 0;

    private bool IsPostgreSql => Connection is NpgsqlConnection;

    public static BulkLoad Begin(DbConnection connection, params string[] tables)
    {
        var transaction = connection.BeginTransaction();
        if (connection is not NpgsqlConnection postgres)
        {
            return new BulkLoad(connection, transaction, tables, []);
        }
        var found = DroppedForTheLoad(postgres, (NpgsqlTransaction)transaction, tables);
        var load = new BulkLoad(connection, transaction, tables, [.. found.Select(f => f.Restore)]);
        foreach (var (drop, _) in found)
        {
            load.Execute(drop);
        }
        return load;
    }

    /// <summary>A point where the load may commit what it has written: SQLite and SQL Server do; PostgreSQL waits for the end.</summary>
    public void Checkpoint()
    {
        if (!IsPostgreSql)
        {
            Transaction.Commit();
            Transaction.Dispose();
            Transaction = Connection.BeginTransaction();
        }
    }

    /// <summary>
    /// Makes the dropped indexes and keys again (checking every row against them) and commits. On PostgreSQL the tables
    /// are then vacuumed and analyzed, as the manual advises after a load: otherwise the planner knows nothing of the new
    /// rows until autovacuum comes by, and autovacuum then reads and writes every page of them while the portal works.
    /// </summary>
    public void Complete()
    {
        if (RebuildsOnComplete)
        {
            Execute("SET LOCAL maintenance_work_mem = '256MB'");
        }
        foreach (var statement in restore)
        {
            Execute(statement);
        }
        Transaction.Commit();
        if (IsPostgreSql)
        {
            Execute($"VACUUM (ANALYZE) {string.Join(", ", tables.Select(table => $"\"{table}\""))}", inTransaction: false);
        }
    }

    public void Dispose() => Transaction.Dispose();

    private void Execute(string sql, bool inTransaction = true)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = inTransaction ? Transaction : null;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    // Indexes first, so that each key's check can use them. An index that backs a constraint (a primary key, or one that
    // a key of another table refers to) is not touched.
    private const string DroppedForTheLoadSql = """
        SELECT 'DROP INDEX ' || i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
        WHERE i.indrelid = ANY(@tables::regclass[]) AND NOT i.indisunique
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        UNION ALL
        SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
        FROM pg_constraint c
        WHERE c.conrelid = ANY(@tables::regclass[]) AND c.contype = 'f'
        """;

    private static List<(string Drop, string Restore)> DroppedForTheLoad(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] tables)
    {
        using var command = new NpgsqlCommand(DroppedForTheLoadSql, connection, transaction);
        command.Parameters.AddWithValue("tables", tables.Select(table => $"\"{table}\"").ToArray());
        using var reader = command.ExecuteReader();
        var found = new List<(string, string)>();
        while (reader.Read())
        {
            found.Add((reader.GetString(0), reader.GetString(1)));
        }
        return found;
    }
}
