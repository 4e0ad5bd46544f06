using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Import;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Import;

/// <summary>CSV imports on a real SQLite database: all-or-nothing, idempotent, and each error named by line and column.</summary>
[RunsOnPostgreSql]
public sealed class ImportServiceTests : IAsyncLifetime
{
    private readonly LogCapture log = new();
    private PortalServices portal = default!;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "admin-portal-tests", $"csv-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        portal = await PortalServices.StartAsync(log.AddTo);
        await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", "Learn", []), PortalServices.Admin);
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private Task<ImportResult> ImportAsync(ImportKind kind, string path) =>
        portal.Get<ImportService>().ImportAsync(kind, path, Path.GetFileName(path), PortalServices.Admin);

    private async Task ImportExamplesAsync(params ImportKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            var result = await ImportAsync(kind, TestData.ImportFile($"{kind.ToString().ToLowerInvariant()}.csv"));
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }
    }

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    [Fact]
    public async Task TheExampleFilesImportInOrderAndASecondImportChangesNothing()
    {
        var kinds = new[] { ImportKind.Courses, ImportKind.Sections, ImportKind.Learners, ImportKind.Enrollments, ImportKind.Progress };
        var first = new List<ImportResult>();
        foreach (var kind in kinds)
        {
            first.Add(await ImportAsync(kind, TestData.ImportFile($"{kind.ToString().ToLowerInvariant()}.csv")));
        }
        var second = new List<ImportResult>();
        foreach (var kind in kinds)
        {
            second.Add(await ImportAsync(kind, TestData.ImportFile($"{kind.ToString().ToLowerInvariant()}.csv")));
        }

        Assert.Equal([(2L, 2L), (3, 3), (3, 3), (3, 3), (5, 5)], first.Select(r => (r.Rows, r.Inserted)));
        Assert.All(second, r => Assert.Equal((0L, 0L, r.Rows), (r.Inserted, r.Updated, r.Unchanged)));
        var course = await QueryAsync(db => db.Courses.SingleAsync(c => c.Key == "course-v1:MITx+6.00x+2026_T1"));
        Assert.Equal(("MITx", true, new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc)),
            (course.Org, course.SelfPaced, course.Verified!.ExpirationUtc!.Value));
        var week1 = await QueryAsync(db => db.Sections.SingleAsync(s => s.BlockId.EndsWith("week1")));
        Assert.Equal(["Variables and types", "Loops, and when to stop"], week1.Highlights);
        Assert.Equal(1, await QueryAsync(db => db.CourseGrades.CountAsync(g => g.PassedAtUtc != null)));
    }

    [Fact]
    public async Task OneBadRowRejectsTheWholeFileAndNamesItsLineAndColumn()
    {
        await ImportExamplesAsync(ImportKind.Courses, ImportKind.Learners);
        var path = TestData.WriteCsv(folder, "enrollments.csv",
            "username,course_key,mode,active,created",
            "ada,course-v1:MITx+6.00x+2026_T1,audit,true,2026-01-10",
            "grace,course-v1:MITx+Nope+2026,audit,true,2026-01-11",
            "alan,course-v1:HarvardX+CS50+2026,audit,true,last tuesday");

        var result = await ImportAsync(ImportKind.Enrollments, path);

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["line 3: course_key: no course has the key course-v1:MITx+Nope+2026: import or publish the course first",
             "line 4: created: 'last tuesday' is not a date such as 2026-01-31 or 2026-01-31T14:00:00Z"],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await QueryAsync(db => db.Enrollments.CountAsync()));
    }

    [Fact]
    public async Task AMissingColumnIsReportedOnTheHeaderLine()
    {
        var path = TestData.WriteCsv(folder, "learners.csv", "username,email,name,active,staff,joined,last_login,language",
            "ada,ada@example.org,Ada,true,false,2025-09-01,,en");

        var result = await ImportAsync(ImportKind.Learners, path);

        Assert.Equal(["line 1: superuser: the column is missing"], result.Errors.Select(e => e.ToString()));
        Assert.Equal(0, result.Rows);
    }

    [Fact]
    public async Task AKeyRepeatedInTheFileIsRefused()
    {
        var path = TestData.WriteCsv(folder, "learners.csv", "username,email,name,active,staff,superuser,joined,last_login,language",
            "ada,ada@example.org,Ada,true,false,false,2025-09-01,,en",
            "ADA,other@example.org,Ada again,true,false,false,2025-09-01,,en");

        var result = await ImportAsync(ImportKind.Learners, path);

        Assert.Equal(["line 3: username: repeats line 2: a username may appear once in a file"], result.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await QueryAsync(db => db.Learners.CountAsync()));
    }

    [Fact]
    public async Task AHighlightOverTwoHundredFiftyCharactersIsRefused()
    {
        await ImportExamplesAsync(ImportKind.Courses);
        var path = TestData.WriteCsv(folder, "sections.csv", "course_key,section_id,position,title,hidden,highlight_1,highlight_2,highlight_3,highlight_4,highlight_5",
            $"course-v1:MITx+6.00x+2026_T1,week1,1,Week 1,false,Short,{new string('x', 251)},,,");

        var result = await ImportAsync(ImportKind.Sections, path);

        Assert.Equal(["line 2: highlight_2: A highlight has at most 250 characters; this one has 251."], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task AChangedRowIsCountedAsUpdated()
    {
        await ImportExamplesAsync(ImportKind.Courses, ImportKind.Learners, ImportKind.Enrollments);
        var path = TestData.WriteCsv(folder, "enrollments.csv", "username,course_key,mode,active,created",
            "ada,course-v1:MITx+6.00x+2026_T1,audit,true,2026-01-10T12:00:00Z",
            "grace,course-v1:MITx+6.00x+2026_T1,audit,true,2026-01-11");

        var result = await ImportAsync(ImportKind.Enrollments, path);

        Assert.Equal((0L, 1L, 1L), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal("audit", await QueryAsync(db => db.Enrollments.Where(e => e.CreatedUtc == new DateTime(2026, 1, 10, 12, 0, 0)).Select(e => e.Mode).SingleAsync()));
    }

    [Fact]
    public async Task AModeTheCourseDoesNotOfferIsRefused()
    {
        await ImportExamplesAsync(ImportKind.Courses, ImportKind.Learners);
        var path = TestData.WriteCsv(folder, "enrollments.csv", "username,course_key,mode,active,created",
            "alan,course-v1:HarvardX+CS50+2026,verified,true,2026-02-03");

        var result = await ImportAsync(ImportKind.Enrollments, path);

        Assert.Equal(["line 2: mode: the course has no 'verified' mode; its modes are audit"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task MisplacedQuotesAndShortRowsAreNamed()
    {
        var path = TestData.WriteCsv(folder, "learners.csv", "username,email,name,active,staff,superuser,joined,last_login,language",
            "ada,ada@example.org,Ada \"the\" Countess,true,false,false,2025-09-01,,en",
            "grace,grace@example.org,Grace");

        var result = await ImportAsync(ImportKind.Learners, path);

        Assert.Equal(
            ["line 2: row: the quotes are wrong: quote a whole value, and double a quote inside it (\"\")",
             "line 3: row: the row has 3 values; the header has 9 columns"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task OnlyASuperuserMayImport()
    {
        var staff = new PortalActor("x", "Stella", [PortalRoles.Staff]);

        await Assert.ThrowsAsync<PortalForbiddenException>(() =>
            portal.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", staff));
    }

    [Fact]
    [SqliteOnly("changes the data from a second SQLite connection between the passes")]
    public async Task DataChangedBetweenTheCheckAndTheWriteRollsTheWholeFileBack()
    {
        var path = TestData.WriteCsv(folder, "learners.csv", "username,email,name,active,staff,superuser,joined,last_login,language",
            "ada,ada@example.org,Ada,true,false,false,2025-09-01,,en",
            "grace,grace@example.org,Grace,true,false,false,2025-09-01,,en");
        var intruder = new IntruderAfterCheck(portal.DatabaseFile);

        var result = await portal.Get<ImportService>().ImportAsync(ImportKind.Learners, path, "learners.csv", PortalServices.Admin, intruder);

        Assert.True(intruder.Struck);
        Assert.Equal(["line 3: email: grace@example.org belongs to the learner intruder"], result.Errors.Select(e => e.ToString()));
        Assert.Equal(["intruder"], await QueryAsync(db => db.Learners.Select(l => l.Username).ToListAsync()));
    }

    [Fact]
    public async Task ASectionsFileWithoutHighlightsKeepsTheHighlightsAuthorsWrote()
    {
        await ImportExamplesAsync(ImportKind.Courses, ImportKind.Sections);
        var path = TestData.WriteCsv(folder, "sections.csv", "course_key,section_id,position,title,hidden,highlight_1,highlight_2,highlight_3,highlight_4,highlight_5",
            "course-v1:MITx+6.00x+2026_T1,block-v1:MITx+6.00x+2026_T1+type@chapter+block@week1,1,Week 1: Python,false,,,,,");

        var result = await ImportAsync(ImportKind.Sections, path);

        Assert.Equal((0L, 1L), (result.Inserted, result.Updated));
        var week1 = await QueryAsync(db => db.Sections.SingleAsync(s => s.BlockId.EndsWith("week1")));
        Assert.Equal("Week 1: Python", week1.Title);
        Assert.Equal(["Variables and types", "Loops, and when to stop"], week1.Highlights);
    }

    /// <summary>When the check pass reports, inserts a learner owning an email of the file, as a concurrent API call could.</summary>
    private sealed class IntruderAfterCheck(string databaseFile) : IProgress<ImportProgress>
    {
        public bool Struck { get; private set; }

        public void Report(ImportProgress value)
        {
            if (Struck || value.Phase != ImportPhase.Checking)
            {
                return;
            }
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databaseFile}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO Learners (Username, Email, Name, IsActive, IsStaff, IsSuperuser, JoinedUtc) " +
                "VALUES ('intruder', 'grace@example.org', 'Intruder', 1, 0, 0, '2026-01-01 00:00:00')";
            command.ExecuteNonQuery();
            Struck = true;
        }
    }

    [Fact]
    public async Task ARefusedFileIsLoggedByLineAndColumnWithoutItsText()
    {
        var file = Path.Combine(folder, "learners.csv");
        await File.WriteAllTextAsync(file, "username,email,name,active,staff,superuser,joined,last_login,language\n" +
            "private.person,not-an-email-private@@example,,true,false,false,2026-01-05,,en\n");

        var result = await ImportAsync(ImportKind.Learners, file);

        Assert.False(result.Succeeded);
        Assert.Contains("not-an-email-private@@example", result.Errors.Single().Message); // the person importing sees it
        var line = Assert.Single(log.Lines, l => l.Contains("was refused"));
        Assert.Contains("line 2 email", line);
        Assert.DoesNotContain("private", line);
    }
}
