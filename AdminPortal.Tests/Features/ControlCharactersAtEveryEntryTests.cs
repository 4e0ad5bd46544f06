using System.Net;
using AdminPortal.Data;
using AdminPortal.Domain.Integration;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.CourseReset;
using AdminPortal.Features.Highlights;
using AdminPortal.Features.Import;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features;

/// <summary>
/// Line breaks, NUL and text-direction overrides reach email headers, CSV files and pages: every way in refuses them in a
/// name, title, highlight or reason, names the field, and writes nothing.
/// </summary>
[RunsOnPostgreSql]
public sealed class ControlCharactersAtEveryEntryTests : IClassFixture<ControlCharactersAtEveryEntryTests.Portal>
{
    private const string Rule = "must not contain control characters (line breaks, tabs, NUL or text-direction overrides)";

    public sealed class Portal : PortalWebFactory, IAsyncLifetime
    {
        public string CoursesKey { get; private set; } = "";
        public string EnrollmentsKey { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await Services.GetRequiredService<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin);
            await Services.GetRequiredService<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
            await Services.GetRequiredService<ImportService>().ImportAsync(ImportKind.Sections, TestData.ImportFile("sections.csv"), "sections.csv", PortalServices.Admin);
            CoursesKey = await Services.CreateApiKeyAsync(ApiScope.Courses);
            EnrollmentsKey = await Services.CreateApiKeyAsync(ApiScope.Enrollments);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private readonly Portal portal;

    public ControlCharactersAtEveryEntryTests(Portal portal) => this.portal = portal;

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    [Theory]
    [InlineData("Intro\r\nBcc: everyone@example.org", "Circuits", "display_name")]
    [InlineData("Intro", "Week 1\u202Eevil", "sections[0].title")]
    public async Task TheCoursePublishApiRefusesThemAndNamesTheField(string name, string sectionTitle, string field)
    {
        var key = $"course-v1:MITx+C{Guid.NewGuid().ToString("N")[..6]}+2026";
        var client = portal.CreateClient().WithApiKey(portal.CoursesKey);

        var response = await client.PutJsonAsync($"/api/courses/{key}", new
        {
            display_name = name, start = "2026-01-05T00:00:00Z", sections = new[] { new { id = "s1", title = sectionTitle, position = 0 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ProblemFieldsAsync());
        Assert.Contains(Rule, await response.Content.ReadAsStringAsync());
        Assert.False(await QueryAsync(db => db.Courses.AnyAsync(c => c.Key == key)));
    }

    [Fact]
    public async Task TheEnrollmentApiRefusesThemInALearnersName()
    {
        var client = portal.CreateClient().WithApiKey(portal.EnrollmentsKey);

        var response = await client.PostJsonAsync("/api/enrollments",
            """{"username":"nul","email":"nul@example.org","name":"Ada\u0000Lovelace","course_key":"course-v1:MITx+6.00x+2026_T1","mode":"audit"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name"], await response.ProblemFieldsAsync());
        Assert.False(await QueryAsync(db => db.Learners.AnyAsync(l => l.Username == "nul")));
    }

    [Fact]
    public async Task TheCsvImportRefusesTheFileAndSaysWhichLineAndColumn()
    {
        var file = Path.Combine(portal.Directory.Path, "courses-with-break.csv");
        await File.WriteAllTextAsync(file, "key,display_name,site,start,end,self_paced,language,modes,verified_expires,marketing_url,social_sharing_url," +
            "financial_aid,highlights_enabled\ncourse-v1:MITx+Break+2026,\"Intro\nBcc: everyone@example.org\",,2026-01-05,,true,en,audit,,,,false,false\n");

        var result = await portal.Services.GetRequiredService<ImportService>().ImportAsync(ImportKind.Courses, file, "courses.csv", PortalServices.Admin);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("display_name", $"A course name {Rule}."), (error.Field, error.Message));
        Assert.False(await QueryAsync(db => db.Courses.AnyAsync(c => c.Key == "course-v1:MITx+Break+2026")));
    }

    [Fact]
    public async Task TheHighlightsEditorRefusesThem()
    {
        var section = await QueryAsync(db => db.Sections.OrderBy(s => s.Id).FirstAsync());

        var saved = await portal.Services.GetRequiredService<HighlightsService>().SaveAsync(section.CourseId, section.Id, ["Loops", "Isolate \u2067 this"], PortalServices.Admin);

        Assert.Equal(("highlights", $"Highlight 2 {Rule}."), (saved.Errors.Single().Field, saved.Errors.Single().Message));
        Assert.Equal(section.Highlights, await QueryAsync(db => db.Sections.Where(s => s.Id == section.Id).Select(s => s.Highlights).SingleAsync()));
    }

    [Fact]
    public void AResetReasonAndAnAccountsNameRefuseThem()
    {
        var reset = new ResetRequestValidator().Validate(new ResetRequest("course-v1:MITx+6.00x+2026_T1", "Retake\tplease"));
        var account = new NewAccountValidator().Validate(new NewAccountRequest
        {
            Email = "ada@example.org", DisplayName = "Ada\nLovelace", Roles = ["Staff"], Password = "Secret#2026x",
        });

        Assert.Equal(("Comment", $"A reason {Rule}."), (reset.Errors.Single().PropertyName, reset.Errors.Single().ErrorMessage));
        Assert.Equal(("DisplayName", $"A name {Rule}."), (account.Errors.Single().PropertyName, account.Errors.Single().ErrorMessage));
    }
}
