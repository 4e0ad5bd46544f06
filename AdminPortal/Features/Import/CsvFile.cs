using System.Runtime.CompilerServices;
using CsvHelper;

namespace AdminPortal.Features.Import;

/// <summary>Streams a CSV file in chunks of rows, after checking its header against the kind's columns.</summary>
public sealed class CsvFile : IDisposable
{
    private readonly CsvReader reader;
    private readonly ImportErrors errors;
    private readonly Dictionary<string, int> columns = new(StringComparer.Ordinal);

    private CsvFile(string path, ImportErrors errors)
    {
        this.errors = errors;
        Length = new FileInfo(path).Length;
        reader = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = record => errors.Add(new ImportError(record.LineNumber, "row",
                "the quotes are wrong: quote a whole value, and double a quote inside it (\"\")")),
        }, leaveOpen: false);
    }

    public long Length { get; }

    public long Position => reader.ByteOffset;

    /// <summary>Opens the file; any missing, unknown or repeated column is an error of line 1 and no row is read.</summary>
    public static CsvFile? Open(string path, IReadOnlyList<string> expected, ImportErrors errors)
    {
        var file = new CsvFile(path, errors);
        var header = file.reader.Headers ?? [];
        if (header.Count == 0)
        {
            errors.Add(new ImportError(1, "header", $"the file is empty: its first line must name the columns {string.Join(",", expected)}"));
        }
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (!expected.Contains(name))
            {
                errors.Add(new ImportError(1, name, $"unknown column; the columns are {string.Join(",", expected)}"));
            }
            else if (!file.columns.TryAdd(name, i))
            {
                errors.Add(new ImportError(1, name, "the column appears twice"));
            }
        }
        foreach (var missing in expected.Where(c => header.Count > 0 && !file.columns.ContainsKey(c)))
        {
            errors.Add(new ImportError(1, missing, "the column is missing"));
        }
        if (errors.Count == 0)
        {
            return file;
        }
        file.Dispose();
        return null;
    }

    public async IAsyncEnumerable<IReadOnlyList<CsvRow>> ChunksAsync(int size, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var width = reader.Headers!.Count;
        var chunk = new List<CsvRow>(size);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.FieldCount != width)
            {
                errors.Add(new ImportError(reader.LineNumber, "row", $"the row has {reader.FieldCount} values; the header has {width} columns"));
                continue;
            }
            var fields = new string[width];
            for (var i = 0; i < width; i++)
            {
                fields[i] = reader.GetString(i);
            }
            chunk.Add(new CsvRow(reader.LineNumber, columns, fields, errors));
            if (chunk.Count == size)
            {
                yield return chunk;
                chunk = new List<CsvRow>(size);
            }
        }
        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    public void Dispose() => reader.Dispose();
}
