using AdminPortal.Domain.Learning;

namespace AdminPortal.Features.Import.Kinds;

public sealed record EnrollmentRecord(long Line, string Username, int LearnerId, string CourseKey, int CourseId, string Mode, bool Active, DateTime Created)
    : IImportRecord;

/// <summary>Enrollments of known learners in known courses, matched by (username, course_key).</summary>
public sealed class EnrollmentImport : ImportHandler<EnrollmentRecord>
{
    private CourseLookup courses = new();
    private Dictionary<string, int> learners = [];

    public override ImportKind Kind => ImportKind.Enrollments;
    public override IReadOnlyList<string> Columns { get; } = ["username", "course_key", "mode", "active", "created"];
    public override IReadOnlyList<string> Tables { get; } = ["Enrollments"];

    public override async Task PrepareAsync(ImportConnection db, CancellationToken cancellationToken) =>
        courses = await CourseLookup.LoadAsync(db, cancellationToken);

    protected override async Task ResolveAsync(IReadOnlyList<CsvRow> rows, ImportConnection db, CancellationToken cancellationToken) =>
        learners = await db.IdsAsync("Learners", "Username", rows.Select(r => r.Raw("username")), cancellationToken);

    protected override EnrollmentRecord? Parse(CsvRow row)
    {
        var learnerId = LearnerReference.Find(row, learners);
        var courseId = courses.Find(row);
        var mode = row.Text("mode", CourseMode.ValidSlug);
        if (courseId is not null)
        {
            courses.CheckMode(row, row.Raw("course_key"), mode);
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

    private const string Upsert = """
        INSERT INTO Enrollments (LearnerId, CourseId, Mode, IsActive, CreatedUtc) VALUES (@learner, @course, @mode, @active, @created)
        ON CONFLICT (LearnerId, CourseId) DO UPDATE SET Mode = excluded.Mode, IsActive = excluded.IsActive, CreatedUtc = excluded.CreatedUtc
        WHERE Mode IS NOT excluded.Mode OR IsActive IS NOT excluded.IsActive OR CreatedUtc IS NOT excluded.CreatedUtc
        """;
}

internal static class LearnerReference
{
    public static int? Find(CsvRow row, IReadOnlyDictionary<string, int> learners)
    {
        var username = row.Text("username", Learner.ValidUsername);
        if (username.Length == 0)
        {
            return null;
        }
        if (learners.TryGetValue(username, out var id))
        {
            return id;
        }
        row.Fail("username", $"no learner has the username {username}: import the learners first");
        return null;
    }
}
