using AdminPortal.Domain.Learning;

namespace AdminPortal.Features.Import.Kinds;

/// <summary>A kind whose rows name a known learner (username) and a known course (course_key).</summary>
public abstract class LearnerCourseImport<TRecord> : ImportHandler<TRecord>
    where TRecord : class, IImportRecord
{
    private Dictionary<string, int> learners = [];

    protected CourseLookup Courses { get; private set; } = new();

    public override async Task PrepareAsync(ImportConnection db, CancellationToken cancellationToken) =>
        Courses = await CourseLookup.LoadAsync(db, cancellationToken);

    protected override async Task ResolveAsync(IReadOnlyList<CsvRow> rows, ImportConnection db, CancellationToken cancellationToken) =>
        learners = await db.IdsAsync("Learners", "Username", rows.Select(r => r.Raw("username")), cancellationToken);

    /// <summary>The id of the row's learner, or an error on the row.</summary>
    protected int? FindLearner(CsvRow row)
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
