using AdminPortal.Domain.Learning;

namespace AdminPortal.Features.Import.Kinds;

/// <summary>Every course's id and modes, loaded once per import: a platform has thousands of courses, not millions.</summary>
public sealed class CourseLookup
{
    private readonly Dictionary<string, (int Id, HashSet<string> Modes)> courses = new(StringComparer.Ordinal);

    public static async Task<CourseLookup> LoadAsync(ImportConnection db, CancellationToken cancellationToken)
    {
        var lookup = new CourseLookup();
        var modes = new Dictionary<int, HashSet<string>>();
        foreach (var (courseId, slug) in await db.RowsAsync("SELECT \"CourseId\", \"Slug\" FROM \"CourseModes\"", r => (r.GetInt32(0), r.GetString(1)), cancellationToken))
        {
            (modes.TryGetValue(courseId, out var set) ? set : modes[courseId] = []).Add(slug);
        }
        foreach (var (key, id) in await db.RowsAsync("SELECT \"Key\", \"Id\" FROM \"Courses\"", r => (r.GetString(0), r.GetInt32(1)), cancellationToken))
        {
            lookup.courses[key] = (id, modes.GetValueOrDefault(id) ?? []);
        }
        return lookup;
    }

    /// <summary>The course id for the row's course_key, or an error on the row.</summary>
    public int? Find(CsvRow row, string column = "course_key")
    {
        var key = row.Text(column, text => CourseKey.Parse(text).ToString());
        if (key.Length == 0)
        {
            return null;
        }
        if (courses.TryGetValue(key, out var course))
        {
            return course.Id;
        }
        row.Fail(column, $"no course has the key {key}: import or publish the course first");
        return null;
    }

    public void CheckMode(CsvRow row, string courseKey, string mode)
    {
        if (mode.Length > 0 && courses.TryGetValue(courseKey, out var course) && course.Modes.Count > 0 && !course.Modes.Contains(mode))
        {
            row.Fail("mode", $"the course has no '{mode}' mode; its modes are {string.Join(", ", course.Modes.Order())}");
        }
    }
}
