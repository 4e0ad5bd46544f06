namespace AdminPortal.Features.Import;

public enum ImportKind
{
    Courses,
    Sections,
    Learners,
    Enrollments,
    Progress,
}

/// <summary>One refused value: shown as "line N: field: reason".</summary>
public sealed record ImportError(long Line, string Field, string Message)
{
    public override string ToString() => $"line {Line}: {Field}: {Message}";
}

public enum ImportPhase
{
    Uploading,
    Checking,
    Writing,
    Done,
}

public sealed record ImportProgress(ImportPhase Phase, long Rows, long BytesRead, long BytesTotal)
{
    public double Fraction => BytesTotal == 0 ? 1 : Math.Min(1, (double)BytesRead / BytesTotal);
}

/// <summary>
/// What an import did. With any error nothing was written: <see cref="Errors"/> lists the first ones and
/// <see cref="ErrorCount"/> counts all.
/// </summary>
public sealed record ImportResult(
    ImportKind Kind, long Rows, long Inserted, long Updated, IReadOnlyList<ImportError> Errors, long ErrorCount, TimeSpan Duration)
{
    public const int MaxListedErrors = 100;

    public bool Succeeded => ErrorCount == 0;

    public long Unchanged => Rows - Inserted - Updated;

    /// <summary>What the import did besides its rows (the schedules of new enrollments, say).</summary>
    public string? Note { get; init; }

    public string Summary => Succeeded
        ? $"{Rows} rows: {Inserted} added, {Updated} updated, {Unchanged} unchanged ({Duration.TotalSeconds:0.0} s){(Note is null ? "" : "; " + Note)}"
        : $"nothing was imported: {ErrorCount} error(s){(ErrorCount > Errors.Count ? $", the first {Errors.Count} listed" : "")}";
}

/// <summary>Counts every error but keeps only the first ones, so a file of a million bad rows stays small in memory.</summary>
public sealed class ImportErrors
{
    private readonly List<ImportError> listed = [];

    public long Count { get; private set; }

    public IReadOnlyList<ImportError> Listed => listed;

    public void Add(ImportError error)
    {
        Count++;
        if (listed.Count < ImportResult.MaxListedErrors)
        {
            listed.Add(error);
        }
    }
}
