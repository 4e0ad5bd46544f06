using System.Text.Json;
using AdminPortal.Domain.Learning;

namespace AdminPortal.Features.Import.Kinds;

public sealed record SectionRecord(long Line, int CourseId, string BlockId, int Position, string Title, bool Hidden, IReadOnlyList<string> Highlights)
    : IImportRecord;

/// <summary>
/// Sections with their highlights, matched by (course_key, section_id). A row whose highlight columns are all empty
/// leaves the section's highlights as they are, so an outline-only file never erases what authors wrote.
/// </summary>
public sealed class SectionImport : ImportHandler<SectionRecord>
{
    private static readonly string[] HighlightColumns = ["highlight_1", "highlight_2", "highlight_3", "highlight_4", "highlight_5"];
    private CourseLookup courses = new();

    public override ImportKind Kind => ImportKind.Sections;
    public static IReadOnlyList<string> ColumnNames { get; } = ["course_key", "section_id", "position", "title", "hidden", .. HighlightColumns];

    public override IReadOnlyList<string> Columns => ColumnNames;
    public override IReadOnlyList<string> Tables { get; } = ["Sections"];

    public override async Task PrepareAsync(ImportConnection db, CancellationToken cancellationToken) =>
        courses = await CourseLookup.LoadAsync(db, cancellationToken);

    protected override SectionRecord? Parse(CsvRow row)
    {
        var courseId = courses.Find(row);
        var blockId = row.Text("section_id", Section.ValidBlockId);
        var position = row.Integer("position", empty: -1);
        var hidden = row.Bool("hidden", empty: false);
        // The domain's own rules: a section built here is one the editor and the publish API would accept.
        var section = new Section(0, "-", 0, "-", false);
        row.Check(position < 0 ? "position" : "title", () => section.Update(position, row.Raw("title"), hidden));
        foreach (var column in HighlightColumns)
        {
            row.Check(column, () => Section.ValidHighlight(row.Raw(column)));
        }
        var highlights = HighlightColumns.Select(row.Raw).Where(h => h.Length > 0).ToList();
        return row.HasErrors ? null : new SectionRecord(row.Line, courseId!.Value, blockId, section.Position, section.Title, hidden, highlights);
    }

    protected override IEnumerable<(string Column, string Key)> UniqueKeys(SectionRecord record) =>
        [("section_id", $"{record.CourseId}/{record.BlockId}")];

    protected override Task<long> WriteAsync(IReadOnlyList<SectionRecord> records, ImportConnection db, CancellationToken cancellationToken) =>
        WriteEachAsync(records, r => db.ExecuteAsync(Upsert, cancellationToken,
            ("course", r.CourseId), ("block", r.BlockId), ("position", r.Position), ("title", r.Title), ("hidden", r.Hidden),
            ("highlights", JsonSerializer.Serialize(r.Highlights, JsonSerializerOptions.Default))));

    internal const string Upsert = """
        INSERT INTO "Sections" ("CourseId", "BlockId", "Position", "Title", "HiddenFromToc", "Highlights")
        VALUES (@course, @block, @position, @title, @hidden, @highlights)
        ON CONFLICT ("CourseId", "BlockId") DO UPDATE SET "Position" = excluded."Position", "Title" = excluded."Title",
            "HiddenFromToc" = excluded."HiddenFromToc",
            "Highlights" = CASE WHEN excluded."Highlights" = '[]' THEN "Sections"."Highlights" ELSE excluded."Highlights" END
        WHERE "Sections"."Position" IS DISTINCT FROM excluded."Position" OR "Sections"."Title" IS DISTINCT FROM excluded."Title" OR "Sections"."HiddenFromToc" IS DISTINCT FROM excluded."HiddenFromToc"
            OR (excluded."Highlights" <> '[]' AND "Sections"."Highlights" IS DISTINCT FROM excluded."Highlights")
        """;
}
