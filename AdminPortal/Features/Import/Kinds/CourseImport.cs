using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.Schedules;

namespace AdminPortal.Features.Import.Kinds;

public sealed record CourseRecord(long Line, Course Course, int? SiteId) : IImportRecord;

/// <summary>Courses, matched by key; modes are replaced by the file's list ("audit;verified").</summary>
public sealed class CourseImport(BulkSchedules schedules) : ImportHandler<CourseRecord>
{
    private readonly List<int> rescheduled = [];
    private Dictionary<string, int> sites = [];

    public override ImportKind Kind => ImportKind.Courses;
    public static IReadOnlyList<string> ColumnNames { get; } =
        ["key", "display_name", "site", "start", "end", "self_paced", "language", "modes", "verified_expires",
         "marketing_url", "social_sharing_url", "financial_aid", "highlights_enabled"];

    public override IReadOnlyList<string> Columns => ColumnNames;
    public override IReadOnlyList<string> Tables { get; } = ["Courses"];

    public override async Task PrepareAsync(ImportConnection db, CancellationToken cancellationToken) =>
        sites = (await db.RowsAsync("SELECT \"Domain\", \"Id\" FROM \"Sites\"", r => (r.GetString(0), r.GetInt32(1)), cancellationToken))
            .ToDictionary(s => s.Item1, s => s.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the course with the domain's own rules, so the import accepts exactly what the API accepts.</summary>
    protected override CourseRecord? Parse(CsvRow row)
    {
        var key = row.Parsed("key", CourseKey.Parse);
        var start = row.Date("start", required: true);
        var end = row.Date("end", required: false);
        var siteDomain = row.Raw("site");
        int? siteId = null;
        if (siteDomain.Length > 0)
        {
            if (sites.TryGetValue(siteDomain, out var found))
            {
                siteId = found;
            }
            else
            {
                row.Fail("site", $"no site has the domain {siteDomain}: create it first (sites set --domain ...)");
            }
        }
        var modes = row.Raw("modes").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verifiedExpires = row.Date("verified_expires", required: false);
        if (verifiedExpires is not null && !modes.Contains(Course.VerifiedMode, StringComparer.OrdinalIgnoreCase))
        {
            row.Fail("verified_expires", "only a course with a verified mode has a verified expiration");
        }
        var selfPaced = row.Bool("self_paced", empty: false);
        var financialAid = row.Bool("financial_aid", empty: false);
        var highlights = row.Bool("highlights_enabled", empty: false);
        if (key is null || start is null)
        {
            return null;
        }
        var course = new Course(key, "-", start.Value);
        row.Check("display_name", () => course.Rename(row.Raw("display_name")));
        row.Check("end", () => course.Reschedule(start.Value, end));
        row.Check("language", () => course.Publish(siteId, selfPaced, row.Raw("language") is { Length: > 0 } language ? language : "en"));
        row.Check("modes", () => course.SetModes(modes.Select(m => (m, m.Equals(Course.VerifiedMode, StringComparison.OrdinalIgnoreCase) ? verifiedExpires : null))));
        string? marketing = null, social = null;
        row.Check("marketing_url", () => marketing = WebAddress.ValidOrNull(row.Raw("marketing_url"), "marketing URL"));
        row.Check("social_sharing_url", () => social = WebAddress.ValidOrNull(row.Raw("social_sharing_url"), "social-sharing URL"));
        course.SetLinks(marketing, social);
        course.SetFinancialAid(financialAid);
        course.SetHighlightsEnabled(highlights);
        return row.HasErrors ? null : new CourseRecord(row.Line, course, siteId);
    }

    protected override IEnumerable<(string Column, string Key)> UniqueKeys(CourseRecord record) => [("key", record.Course.Key)];

    protected override Task<long> WriteAsync(IReadOnlyList<CourseRecord> records, ImportConnection db, CancellationToken cancellationToken) =>
        WriteEachAsync(records, async r =>
        {
            var c = r.Course;
            var startBefore = await db.ScalarAsync("SELECT \"StartUtc\" FROM \"Courses\" WHERE \"Key\" = @key", cancellationToken, ("key", c.Key));
            var changed = await db.ExecuteAsync(Upsert, cancellationToken,
                ("key", c.Key), ("org", c.Org), ("number", c.Number), ("run", c.Run), ("name", c.DisplayName), ("site", r.SiteId),
                ("start", c.StartUtc), ("end", c.EndUtc), ("selfPaced", c.SelfPaced), ("language", c.Language), ("marketing", c.MarketingUrl),
                ("social", c.SocialSharingUrl), ("aid", c.FinancialAidEnabled), ("highlights", c.HighlightsEnabled));
            var id = Convert.ToInt32(await db.ScalarAsync("SELECT \"Id\" FROM \"Courses\" WHERE \"Key\" = @key", cancellationToken, ("key", c.Key)),
                CultureInfo.InvariantCulture);
            if (startBefore is not null && StoredValues.Time(startBefore) != c.StartUtc)
            {
                rescheduled.Add(id);
            }
            var wanted = c.Modes.Select(m => m.Slug).ToList();
            var existing = await db.RowsAsync($"SELECT \"Slug\" FROM \"CourseModes\" WHERE \"CourseId\" = {id}", x => x.GetString(0), cancellationToken);
            foreach (var slug in existing.Except(wanted))
            {
                changed += await db.ExecuteAsync("DELETE FROM \"CourseModes\" WHERE \"CourseId\" = @id AND \"Slug\" = @slug", cancellationToken, ("id", id), ("slug", slug));
            }
            foreach (var mode in c.Modes)
            {
                changed += await db.ExecuteAsync(ModeUpsert, cancellationToken, ("id", id), ("slug", mode.Slug), ("expires", mode.ExpirationUtc));
            }
            return changed;
        });

    /// <summary>A course whose start moved: its schedules move with it, in the same transaction.</summary>
    public override async Task<string?> AfterWriteAsync(ImportConnection db, CancellationToken cancellationToken) =>
        rescheduled.Count == 0 ? null
            : $"{await schedules.RecomputeAsync(db.Connection, db.Transaction!, rescheduled, cancellationToken)} schedules moved with their course's start";

    internal const string Upsert = """
        INSERT INTO "Courses" ("Key", "Org", "Number", "Run", "DisplayName", "SiteId", "StartUtc", "EndUtc", "SelfPaced", "Language", "MarketingUrl",
            "SocialSharingUrl", "FinancialAidEnabled", "HighlightsEnabled")
        VALUES (@key, @org, @number, @run, @name, @site, @start, @end, @selfPaced, @language, @marketing, @social, @aid, @highlights)
        ON CONFLICT ("Key") DO UPDATE SET "DisplayName" = excluded."DisplayName", "SiteId" = excluded."SiteId", "StartUtc" = excluded."StartUtc",
            "EndUtc" = excluded."EndUtc", "SelfPaced" = excluded."SelfPaced", "Language" = excluded."Language", "MarketingUrl" = excluded."MarketingUrl",
            "SocialSharingUrl" = excluded."SocialSharingUrl", "FinancialAidEnabled" = excluded."FinancialAidEnabled",
            "HighlightsEnabled" = excluded."HighlightsEnabled"
        WHERE "Courses"."DisplayName" IS DISTINCT FROM excluded."DisplayName" OR "Courses"."SiteId" IS DISTINCT FROM excluded."SiteId" OR "Courses"."StartUtc" IS DISTINCT FROM excluded."StartUtc"
            OR "Courses"."EndUtc" IS DISTINCT FROM excluded."EndUtc" OR "Courses"."SelfPaced" IS DISTINCT FROM excluded."SelfPaced" OR "Courses"."Language" IS DISTINCT FROM excluded."Language"
            OR "Courses"."MarketingUrl" IS DISTINCT FROM excluded."MarketingUrl" OR "Courses"."SocialSharingUrl" IS DISTINCT FROM excluded."SocialSharingUrl"
            OR "Courses"."FinancialAidEnabled" IS DISTINCT FROM excluded."FinancialAidEnabled" OR "Courses"."HighlightsEnabled" IS DISTINCT FROM excluded."HighlightsEnabled"
        """;

    internal const string ModeUpsert = """
        INSERT INTO "CourseModes" ("CourseId", "Slug", "ExpirationUtc") VALUES (@id, @slug, @expires)
        ON CONFLICT ("CourseId", "Slug") DO UPDATE SET "ExpirationUtc" = excluded."ExpirationUtc"
        WHERE "CourseModes"."ExpirationUtc" IS DISTINCT FROM excluded."ExpirationUtc"
        """;
}
