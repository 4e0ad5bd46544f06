using AdminPortal.Domain.Learning;

namespace AdminPortal.Features.Import.Kinds;

public sealed record LearnerRecord(
    long Line, string Username, string Email, string Name, bool Active, bool Staff, bool Superuser,
    DateTime Joined, DateTime? LastLogin, string? Language) : IImportRecord;

/// <summary>Learners, matched by username (any case); an email may belong to one learner only.</summary>
public sealed class LearnerImport : ImportHandler<LearnerRecord>
{
    private Dictionary<string, object> emailOwners = [];

    public override ImportKind Kind => ImportKind.Learners;
    public static IReadOnlyList<string> ColumnNames { get; } =
        ["username", "email", "name", "active", "staff", "superuser", "joined", "last_login", "language"];

    public override IReadOnlyList<string> Columns => ColumnNames;
    public override IReadOnlyList<string> Tables { get; } = ["Learners"];

    protected override async Task ResolveAsync(IReadOnlyList<CsvRow> rows, ImportConnection db, CancellationToken cancellationToken) =>
        emailOwners = await db.ValuesAsync("Learners", "Email", "Username", rows.Select(r => r.Raw("email")), cancellationToken);

    protected override LearnerRecord? Parse(CsvRow row)
    {
        var username = row.Text("username", Learner.ValidUsername);
        var email = row.Text("email", Learner.ValidEmail);
        var name = row.Raw("name");
        row.Check("name", () => new Learner("xx", "x@x.org", "", default).Rename(name));
        var record = new LearnerRecord(row.Line, username, email, name, row.Bool("active", empty: true), row.Bool("staff", empty: false),
            row.Bool("superuser", empty: false), row.Date("joined", required: true) ?? default, row.Date("last_login", required: false),
            row.OptionalText("language", LanguageCode.Valid));
        if (emailOwners.TryGetValue(email, out var owner) && !string.Equals((string)owner, username, StringComparison.OrdinalIgnoreCase))
        {
            row.Fail("email", $"{email} belongs to the learner {owner}");
        }
        return row.HasErrors ? null : record;
    }

    protected override IEnumerable<(string Column, string Key)> UniqueKeys(LearnerRecord record) =>
        [("username", record.Username.ToLowerInvariant()), ("email", record.Email.ToLowerInvariant())];

    protected override Task<long> WriteAsync(IReadOnlyList<LearnerRecord> records, ImportConnection db, CancellationToken cancellationToken) =>
        WriteEachAsync(records, r => db.ExecuteAsync(Upsert, cancellationToken,
            ("username", r.Username), ("email", r.Email), ("name", r.Name), ("active", r.Active), ("staff", r.Staff),
            ("superuser", r.Superuser), ("joined", r.Joined), ("lastLogin", r.LastLogin), ("language", r.Language)));

    internal const string Upsert = """
        INSERT INTO "Learners" ("Username", "Email", "Name", "IsActive", "IsStaff", "IsSuperuser", "JoinedUtc", "LastLoginUtc", "Language")
        VALUES (@username, @email, @name, @active, @staff, @superuser, @joined, @lastLogin, @language)
        ON CONFLICT ("Username") DO UPDATE SET "Email" = excluded."Email", "Name" = excluded."Name", "IsActive" = excluded."IsActive",
            "IsStaff" = excluded."IsStaff", "IsSuperuser" = excluded."IsSuperuser", "JoinedUtc" = excluded."JoinedUtc",
            "LastLoginUtc" = excluded."LastLoginUtc", "Language" = excluded."Language"
        WHERE "Learners"."Email" IS DISTINCT FROM excluded."Email" OR "Learners"."Name" IS DISTINCT FROM excluded."Name" OR "Learners"."IsActive" IS DISTINCT FROM excluded."IsActive"
            OR "Learners"."IsStaff" IS DISTINCT FROM excluded."IsStaff" OR "Learners"."IsSuperuser" IS DISTINCT FROM excluded."IsSuperuser" OR "Learners"."JoinedUtc" IS DISTINCT FROM excluded."JoinedUtc"
            OR "Learners"."LastLoginUtc" IS DISTINCT FROM excluded."LastLoginUtc" OR "Learners"."Language" IS DISTINCT FROM excluded."Language"
        """;
}
