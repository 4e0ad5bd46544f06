using AdminPortal.Domain.Learning;
using AdminPortal.Features.Schedules;

namespace AdminPortal.Features.Import.Kinds;

public sealed record EnrollmentRecord(long Line, string Username, int LearnerId, string CourseKey, int CourseId, string Mode, bool Active, DateTime Created)
    : IImportRecord;

/// <summary>Enrollments of known learners in known courses, matched by (username, course_key).</summary>
public sealed class EnrollmentImport(BulkSchedules schedules) : LearnerCourseImport<EnrollmentRecord>
{
    private long lastEnrollmentBefore;

    public override ImportKind Kind => ImportKind.Enrollments;
    public static IReadOnlyList<string> ColumnNames { get; } = ["username", "course_key", "mode", "active", "created"];

    public override IReadOnlyList<string> Columns => ColumnNames;
    public override IReadOnlyList<string> Tables { get; } = ["Enrollments"];

    public override async Task BeforeWriteAsync(ImportConnection db, CancellationToken cancellationToken) =>
        lastEnrollmentBefore = await BulkSchedules.MaxEnrollmentIdAsync(db.Connection, db.Transaction, cancellationToken);

    /// <summary>New enrollments get their schedule decision in the same transaction, as the enrollment API's do.</summary>
    public override async Task<string?> AfterWriteAsync(ImportConnection db, CancellationToken cancellationToken)
    {
        var result = await schedules.DecideNewAsync(db.Connection, db.Transaction!, lastEnrollmentBefore, cancellationToken);
        return $"{result.Created} schedules created, {result.Skipped} enrollments without one ({result.HeldBack} held back)";
    }

    protected override EnrollmentRecord? Parse(CsvRow row)
    {
        var learnerId = FindLearner(row);
        var courseId = Courses.Find(row);
        var mode = row.Text("mode", CourseMode.ValidSlug);
        if (courseId is not null)
        {
            Courses.CheckMode(row, row.Raw("course_key"), mode);
        }
        var active = row.Bool("active", empty: true);
        var created = row.Date("created", required: true);
        return row.HasErrors ? null
            : new EnrollmentRecord(row.Line, row.Raw("username"), learnerId!.Value, row.Raw("course_key"), courseId!.Value, mode, active, created!.Value);
    }

    protected override IEnumerable<(string Column, string Key)> UniqueKeys(EnrollmentRecord record) =>
        [("username and course_key", $"{record.LearnerId}/{record.CourseId}")];

    protected override Task<long> WriteAsync(IReadOnlyList<EnrollmentRecord> records, ImportConnection db, CancellationToken cancellationToken) =>
        WriteEachAsync(records, r => db.ExecuteAsync(Upsert, cancellationToken,
            ("learner", r.LearnerId), ("course", r.CourseId), ("mode", r.Mode), ("active", r.Active), ("created", r.Created)));

    internal const string Upsert = """
        INSERT INTO "Enrollments" ("LearnerId", "CourseId", "Mode", "IsActive", "CreatedUtc") VALUES (@learner, @course, @mode, @active, @created)
        ON CONFLICT ("LearnerId", "CourseId") DO UPDATE SET "Mode" = excluded."Mode", "IsActive" = excluded."IsActive", "CreatedUtc" = excluded."CreatedUtc"
        WHERE "Enrollments"."Mode" IS DISTINCT FROM excluded."Mode" OR "Enrollments"."IsActive" IS DISTINCT FROM excluded."IsActive" OR "Enrollments"."CreatedUtc" IS DISTINCT FROM excluded."CreatedUtc"
        """;
}
