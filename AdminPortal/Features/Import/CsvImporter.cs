using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using AdminPortal.Data;

namespace AdminPortal.Features.Import;

/// <summary>
/// Imports a CSV file all-or-nothing in two streamed passes: the first checks every row and writes nothing; only a
/// file without a single error is read again and written, in one transaction.
/// </summary>
public sealed class CsvImporter(PortalDatabase database)
{
    private const int ChunkSize = 1000;

    public async Task<ImportResult> ImportAsync(
        IImportHandler handler, string path, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var errors = new ImportErrors();
        await using var db = new ImportConnection(await database.OpenConnectionAsync(cancellationToken));
        await handler.PrepareAsync(db, cancellationToken);
        await db.ResetKeysAsync(cancellationToken);
        var rows = await PassAsync(handler, path, db, write: false, errors, progress, cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportResult(handler.Kind, rows.Rows, 0, 0, errors.Listed, errors.Count, clock.Elapsed);
        }
        db.Begin(write: true);
        var before = await CountAsync(handler, db, cancellationToken);
        try
        {
            await handler.BeforeWriteAsync(db, cancellationToken);
            var written = await PassAsync(handler, path, db, write: true, errors, progress, cancellationToken);
            if (errors.Count > 0)
            {
                await db.EndAsync(); // rolls back: the data changed since the check
                return new ImportResult(handler.Kind, written.Rows, 0, 0, errors.Listed, errors.Count, clock.Elapsed);
            }
            var inserted = await CountAsync(handler, db, cancellationToken) - before;
            var note = await handler.AfterWriteAsync(db, cancellationToken);
            await db.CommitAsync(cancellationToken);
            progress?.Report(new ImportProgress(ImportPhase.Done, written.Rows, 1, 1));
            return new ImportResult(handler.Kind, written.Rows, inserted, written.Changed - inserted, [], 0, clock.Elapsed) { Note = note };
        }
        catch (ImportWriteException e)
        {
            await db.EndAsync();
            errors.Add(e.Error);
            return new ImportResult(handler.Kind, rows.Rows, 0, 0, errors.Listed, errors.Count, clock.Elapsed);
        }
    }

    private static async Task<(long Rows, long Changed)> PassAsync(
        IImportHandler handler, string path, ImportConnection db, bool write, ImportErrors errors,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var file = CsvFile.Open(path, handler.Columns, errors);
        if (file is null)
        {
            return (0, 0);
        }
        long rows = 0, changed = 0;
        var phase = write ? ImportPhase.Writing : ImportPhase.Checking;
        await foreach (var chunk in file.ChunksAsync(ChunkSize, cancellationToken))
        {
            if (!write)
            {
                db.Begin(write: false);
            }
            changed += await handler.ProcessAsync(chunk, db, write, cancellationToken);
            if (!write)
            {
                await db.CommitAsync(cancellationToken);
            }
            rows += chunk.Count;
            progress?.Report(new ImportProgress(phase, rows, file.Position, file.Length));
        }
        return (rows, changed);
    }

    private static async Task<long> CountAsync(IImportHandler handler, ImportConnection db, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var table in handler.Tables)
        {
            total += Convert.ToInt64(await db.ScalarAsync($"SELECT COUNT(*) FROM \"{table}\"", cancellationToken), CultureInfo.InvariantCulture);
        }
        return total;
    }
}

/// <summary>The database refused a row the check had passed (a concurrent change): the import is rolled back.</summary>
public sealed class ImportWriteException(ImportError error, DbException inner) : Exception(error.ToString(), inner)
{
    public ImportError Error { get; } = error;
}
