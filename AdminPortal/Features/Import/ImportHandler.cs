namespace AdminPortal.Features.Import;

/// <summary>A parsed, checked row, ready to write; it keeps its line to name it if the database still refuses it.</summary>
public interface IImportRecord
{
    long Line { get; }
}

public interface IImportHandler
{
    ImportKind Kind { get; }

    /// <summary>Every column a file of this kind must have, in the documented order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The tables whose row counts tell how many rows the import added.</summary>
    IReadOnlyList<string> Tables { get; }

    Task PrepareAsync(ImportConnection db, CancellationToken cancellationToken);

    /// <summary>In the write transaction, before the first row is written.</summary>
    Task BeforeWriteAsync(ImportConnection db, CancellationToken cancellationToken);

    /// <summary>In the write transaction, after the last row: derived data such as schedules. Returns a note for the result.</summary>
    Task<string?> AfterWriteAsync(ImportConnection db, CancellationToken cancellationToken);

    /// <summary>Checks a chunk of rows; when <paramref name="write"/>, writes the rows that passed.</summary>
    /// <returns>How many rows the chunk added or changed.</returns>
    Task<long> ProcessAsync(IReadOnlyList<CsvRow> rows, ImportConnection db, bool write, CancellationToken cancellationToken);
}

/// <summary>The shared shape of a kind: look up references for the chunk, parse each row, catch repeats, write.</summary>
public abstract class ImportHandler<TRecord> : IImportHandler
    where TRecord : class, IImportRecord
{
    public abstract ImportKind Kind { get; }
    public abstract IReadOnlyList<string> Columns { get; }
    public abstract IReadOnlyList<string> Tables { get; }

    public virtual Task PrepareAsync(ImportConnection db, CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task BeforeWriteAsync(ImportConnection db, CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task<string?> AfterWriteAsync(ImportConnection db, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<long> ProcessAsync(IReadOnlyList<CsvRow> rows, ImportConnection db, bool write, CancellationToken cancellationToken)
    {
        await ResolveAsync(rows, db, cancellationToken);
        var records = new List<TRecord>(rows.Count);
        foreach (var row in rows)
        {
            var record = Parse(row);
            if (record is null || row.HasErrors)
            {
                continue;
            }
            if (!write && await RepeatedAsync(row, record, db, cancellationToken))
            {
                continue;
            }
            records.Add(record);
        }
        return write ? await WriteAsync(records, db, cancellationToken) : 0;
    }

    private async Task<bool> RepeatedAsync(CsvRow row, TRecord record, ImportConnection db, CancellationToken cancellationToken)
    {
        foreach (var (column, key) in UniqueKeys(record))
        {
            if (await db.SeenAtAsync(column, key, row.Line, cancellationToken) is { } first)
            {
                row.Fail(column, $"repeats line {first}: a {column} may appear once in a file");
            }
        }
        return row.HasErrors;
    }

    /// <summary>Looks up the references of a whole chunk in a few queries (learners by username, say).</summary>
    protected virtual Task ResolveAsync(IReadOnlyList<CsvRow> rows, ImportConnection db, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The record, or null when the row has errors (recorded on the row).</summary>
    protected abstract TRecord? Parse(CsvRow row);

    /// <summary>The values that must be unique within the file (the natural key, and any other unique column), by column,
    /// normalized as the database compares them.</summary>
    protected abstract IEnumerable<(string Column, string Key)> UniqueKeys(TRecord record);

    /// <summary>Writes records one by one through prepared statements; a refusal names the record's line.</summary>
    protected static async Task<long> WriteEachAsync(
        IReadOnlyList<TRecord> records, Func<TRecord, Task<int>> write)
    {
        long changed = 0;
        foreach (var record in records)
        {
            try
            {
                changed += await write(record) > 0 ? 1 : 0;
            }
            catch (System.Data.Common.DbException e) when (Data.DatabaseErrors.IsConstraintViolation(e))
            {
                throw new ImportWriteException(new ImportError(record.Line, "row", $"the database refused the row ({e.Message}); " +
                    "it changed since the check: import the file again"), e);
            }
        }
        return changed;
    }

    protected abstract Task<long> WriteAsync(IReadOnlyList<TRecord> records, ImportConnection db, CancellationToken cancellationToken);
}
