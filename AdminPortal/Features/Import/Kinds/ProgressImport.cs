using AdminPortal.Domain.Learning;

namespace AdminPortal.Features.Import.Kinds;

public enum ProgressRecordType
{
    Block,
    Completion,
    Grade,
    Certificate,
}

public sealed record ProgressRecord(
    long Line, ProgressRecordType Type, int LearnerId, int CourseId, string BlockKey, int Attempts, double? Score, double? MaxScore,
    double Value, DateTime? PassedAt, string Status, DateTime Modified) : IImportRecord;

/// <summary>
/// Learner progress, one record type per row: <c>block</c> (attempts and score of a block), <c>completion</c> (of a
/// block), <c>grade</c> (course grade and passing date) or <c>certificate</c> (its status).
/// </summary>
public sealed class ProgressImport : LearnerCourseImport<ProgressRecord>
{
    public override ImportKind Kind => ImportKind.Progress;
    public static IReadOnlyList<string> ColumnNames { get; } =
        ["username", "course_key", "record", "block_key", "attempts", "score", "max_score", "completion", "percent", "passed_at", "status", "modified"];

    public override IReadOnlyList<string> Columns => ColumnNames;
    public override IReadOnlyList<string> Tables { get; } = ["BlockStates", "BlockCompletions", "CourseGrades", "Certificates"];

    protected override ProgressRecord? Parse(CsvRow row)
    {
        var learnerId = FindLearner(row);
        var courseId = Courses.Find(row);
        var modified = row.Date("modified", required: true) ?? default;
        if (!Enum.TryParse<ProgressRecordType>(row.Raw("record"), ignoreCase: true, out var type) || int.TryParse(row.Raw("record"), out _))
        {
            row.Fail("record", $"'{row.Raw("record")}' is not a record type: use block, completion, grade or certificate");
            return null;
        }
        var blockKey = type is ProgressRecordType.Block or ProgressRecordType.Completion ? row.Text("block_key", ProgressRules.ValidBlockKey) : "";
        var record = type switch
        {
            ProgressRecordType.Block => Block(row, blockKey, modified),
            ProgressRecordType.Completion => Fraction(row, "completion") is { } c ? Blank(row, blockKey, modified) with { Value = c } : null,
            ProgressRecordType.Grade => Fraction(row, "percent") is { } p
                ? Blank(row, "", modified) with { Value = p, PassedAt = row.Date("passed_at", required: false) } : null,
            _ => Blank(row, "", modified) with { Status = row.Text("status", s => new Certificate(0, 0, s, modified).Status) },
        };
        return row.HasErrors || record is null ? null : record with { Type = type, LearnerId = learnerId!.Value, CourseId = courseId!.Value };
    }

    private static ProgressRecord Blank(CsvRow row, string blockKey, DateTime modified) =>
        new(row.Line, default, 0, 0, blockKey, 0, null, null, 0, null, "", modified);

    private static ProgressRecord Block(CsvRow row, string blockKey, DateTime modified)
    {
        var attempts = row.Integer("attempts", empty: 0);
        var score = row.Number("score", required: false);
        var maxScore = row.Number("max_score", required: false);
        row.Check("score", () => new BlockState(0, 0, "block").Record(attempts, score, maxScore, modified));
        return Blank(row, blockKey, modified) with { Attempts = attempts, Score = score, MaxScore = maxScore };
    }

    private static double? Fraction(CsvRow row, string column)
    {
        var value = row.Number(column, required: true);
        if (value is { } number && number is < 0 or > 1)
        {
            row.Fail(column, $"a fraction from 0 to 1 is required, not {number}");
        }
        return value;
    }

    protected override IEnumerable<(string Column, string Key)> UniqueKeys(ProgressRecord r) =>
        [("record", $"{r.Type}/{r.LearnerId}/{r.CourseId}/{r.BlockKey}")];

    protected override Task<long> WriteAsync(IReadOnlyList<ProgressRecord> records, ImportConnection db, CancellationToken cancellationToken) =>
        WriteEachAsync(records, r => db.ExecuteAsync(ProgressSql.Upsert(r.Type), cancellationToken,
            ("learner", r.LearnerId), ("course", r.CourseId), ("block", r.BlockKey), ("attempts", r.Attempts), ("score", r.Score),
            ("max", r.MaxScore), ("value", r.Value), ("passed", r.PassedAt), ("status", r.Status), ("modified", r.Modified)));
}
