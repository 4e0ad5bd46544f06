using System.Data.Common;
using AdminPortal.Data;
using AdminPortal.Domain.Metrics;

namespace AdminPortal.Features.Metrics;

public sealed record DayMetrics(DateOnly Day, IReadOnlyList<CourseDailyMetric> Courses, IReadOnlyList<SiteDailyMetric> Sites);

/// <summary>
/// One day's numbers from the learning data, set-based: a fixed number of grouped queries whatever the number of
/// learners, enrollments or courses. The SQL is the form the three providers share (quoted names, parameters); times are
/// compared as SQLite stores them (text, whose order is time order) or as times on a server.
/// </summary>
public sealed class DailyMetricsCalculator(PortalDatabase database, TimeProvider clock)
{
    private const string ActiveBetween = """
        SELECT "CourseId", "LearnerId" FROM "BlockStates" WHERE "ModifiedUtc" >= @from AND "ModifiedUtc" < @end
        UNION SELECT "CourseId", "LearnerId" FROM "BlockCompletions" WHERE "ModifiedUtc" >= @from AND "ModifiedUtc" < @end
        """;

    private const string NotStaff = """
        "LearnerId" NOT IN (SELECT "Id" FROM "Learners" WHERE "IsStaff" = @yes OR "IsSuperuser" = @yes)
        """;

    private const string CoursesSql = """
        SELECT c."Id", c."SiteId", c."Key", c."DisplayName", s."Domain", c."StartUtc" FROM "Courses" c LEFT JOIN "Sites" s ON s."Id" = c."SiteId"
        """;

    private const string EnrollmentsSql = $"""
        SELECT "CourseId", COUNT(*) FROM "Enrollments"
        WHERE "IsActive" = @yes AND "CreatedUtc" < @end AND {NotStaff} GROUP BY "CourseId"
        """;

    private static readonly string ActivePairsSql = ActiveBetween.Replace("@from", "@start");

    private const string CompletionsSql = """
        SELECT "CourseId", COUNT(*) FROM "Certificates" WHERE "Status" = 'downloadable' AND "CreatedUtc" < @end GROUP BY "CourseId"
        """;

    private const string ProgressSql = """
        SELECT "CourseId", AVG("Percent") FROM "CourseGrades" WHERE "ModifiedUtc" < @end GROUP BY "CourseId"
        """;

    private const string SiteNamesSql = """SELECT "Id", "Domain" FROM "Sites" """;

    private static readonly string SiteMonthlySql = $"""
        SELECT c."SiteId", COUNT(DISTINCT a."LearnerId") FROM ({ActiveBetween.Replace("@from", "@month")}) a
        JOIN "Courses" c ON c."Id" = a."CourseId" GROUP BY c."SiteId"
        """;

    private const string SiteLearnersSql = $"""
        SELECT c."SiteId", COUNT(DISTINCT e."LearnerId") FROM "Enrollments" e JOIN "Courses" c ON c."Id" = e."CourseId"
        WHERE e."IsActive" = @yes AND e."CreatedUtc" < @end AND e.{NotStaff} GROUP BY c."SiteId"
        """;

    /// <summary>Every statement of the calculation, for the SQL Server syntax check.</summary>
    internal static IReadOnlyList<string> Statements =>
        [CoursesSql, EnrollmentsSql, ActivePairsSql, CompletionsSql, ProgressSql, SiteNamesSql, SiteMonthlySql, SiteLearnersSql];

    public async Task<DayMetrics> ComputeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = start.AddDays(1);
        var parameters = new Dictionary<string, object>
        {
            ["@start"] = database.TimeAsStored(start),
            ["@end"] = database.TimeAsStored(end),
            ["@month"] = database.TimeAsStored(new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc)),
            ["@yes"] = true,
        };
        // Every course, for the site of any activity; rows only for those started by the end of the day.
        var allCourses = await RowsAsync(connection, CoursesSql, parameters, cancellationToken);
        var siteOf = allCourses.ToDictionary(c => Convert.ToInt32(c[0]), c => c[1] is DBNull ? 0 : Convert.ToInt32(c[1]));
        var courses = allCourses.Where(c => StoredValues.Time(c[5]!) < end).ToList();
        var enrollments = await CountsAsync(connection, EnrollmentsSql, parameters, cancellationToken);
        // The day's (course, learner) pairs, read once: the courses' and the sites' active learners both come from them.
        var activePairs = (await RowsAsync(connection, ActivePairsSql, parameters, cancellationToken))
            .Select(r => (Course: Convert.ToInt32(r[0]), Learner: Convert.ToInt64(r[1]))).ToList();
        var active = activePairs.GroupBy(p => p.Course).ToDictionary(g => g.Key, g => (long)g.Count());
        var siteActive = activePairs.GroupBy(p => siteOf[p.Course]).ToDictionary(g => g.Key, g => (long)g.Select(p => p.Learner).Distinct().Count());
        var completions = await CountsAsync(connection, CompletionsSql, parameters, cancellationToken);
        var progress = (await RowsAsync(connection, ProgressSql, parameters, cancellationToken))
            .ToDictionary(r => Convert.ToInt32(r[0]), r => Convert.ToDouble(r[1]));
        var siteNames = await RowsAsync(connection, SiteNamesSql, parameters, cancellationToken);
        var siteMonthly = await SiteCountsAsync(connection, SiteMonthlySql, parameters, cancellationToken);
        var siteLearners = await SiteCountsAsync(connection, SiteLearnersSql, parameters, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var courseRows = courses.Select(c =>
        {
            var id = Convert.ToInt32(c[0]);
            return new CourseDailyMetric(day, id, (string)c[2]!, (string)c[3]!, c[1] is DBNull ? null : Convert.ToInt32(c[1]), c[4] as string ?? SiteDailyMetric.NoSite,
                enrollments.GetValueOrDefault(id), active.GetValueOrDefault(id),
                completions.GetValueOrDefault(id), progress.GetValueOrDefault(id), now);
        }).ToList();
        var names = siteNames.ToDictionary(s => Convert.ToInt32(s[0]), s => (string)s[1]!);
        var sites = courseRows.Select(c => c.SiteId).Concat(names.Keys.Select(k => (int?)k)).Distinct().Select(siteId => new SiteDailyMetric(day,
            siteId is { } known && names.TryGetValue(known, out var name) ? name : SiteDailyMetric.NoSite,
            siteActive.GetValueOrDefault(siteId ?? 0), siteLearners.GetValueOrDefault(siteId ?? 0), courseRows.Count(c => c.SiteId == siteId),
            courseRows.Where(c => c.SiteId == siteId).Sum(c => c.Enrollments), siteMonthly.GetValueOrDefault(siteId ?? 0), now)).ToList();
        return new DayMetrics(day, courseRows, sites);
    }

    private static async Task<Dictionary<int, long>> CountsAsync(DbConnection connection, string sql, Dictionary<string, object> parameters, CancellationToken cancellationToken) =>
        (await RowsAsync(connection, sql, parameters, cancellationToken)).ToDictionary(r => Convert.ToInt32(r[0]), r => Convert.ToInt64(r[1]));

    // Courses without a site count under key 0, which no site has.
    private static async Task<Dictionary<int, long>> SiteCountsAsync(DbConnection connection, string sql, Dictionary<string, object> parameters, CancellationToken cancellationToken) =>
        (await RowsAsync(connection, sql, parameters, cancellationToken)).ToDictionary(r => r[0] is DBNull ? 0 : Convert.ToInt32(r[0]), r => Convert.ToInt64(r[1]));

    private static async Task<List<object?[]>> RowsAsync(DbConnection connection, string sql, Dictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Where(p => sql.Contains(p.Key, StringComparison.Ordinal)))
        {
            command.AddParameter(name, value);
        }
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }
        return rows;
    }
}
