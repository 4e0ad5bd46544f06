using AdminPortal.Domain.Integration;
using System.Net;
using AdminPortal.Data;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Courses;

[RunsOnPostgreSql]
public sealed class CoursePublishApiTests : IClassFixture<CoursePublishApiTests.Portal>
{
    public sealed class Portal : PortalWebFactory, IAsyncLifetime
    {
        public string CoursesKey { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await Services.GetRequiredService<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin);
            CoursesKey = await Services.CreateApiKeyAsync(ApiScope.Courses);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private readonly Portal portal;

    public CoursePublishApiTests(Portal portal) => this.portal = portal;

    private HttpClient Client() => portal.CreateClient().WithApiKey(portal.CoursesKey);

    private static string NewKey() => $"course-v1:MITx+T{Guid.NewGuid().ToString("N")[..8]}+2026";

    private static object Publish(params object[] sections) => new
    {
        display_name = "Circuits",
        site = "learn.example.org",
        start = "2026-01-05T00:00:00Z",
        end = (string?)null,
        self_paced = true,
        language = "en",
        modes = new object[] { new { mode = "audit" }, new { mode = "verified", expiration = "2026-12-01T00:00:00Z" } },
        sections,
    };

    private async Task<PortalDbContext> DbAsync() =>
        await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task APublishCreatesThenUpdatesTheCourseAndKeepsHighlights()
    {
        var key = NewKey();
        var created = await Client().PutJsonAsync($"/api/courses/{key}",
            Publish(new { id = "week1", title = "Week 1", position = 1 }, new { id = "week2", title = "Week 2", position = 2 }));
        await using (var db = await DbAsync())
        {
            var week1 = await db.Sections.SingleAsync(s => s.BlockId == "week1" && db.Courses.Any(c => c.Id == s.CourseId && c.Key == key));
            week1.SetHighlights(["Entered by an author"]);
            await db.SaveChangesAsync();
        }

        var updated = await Client().PutJsonAsync($"/api/courses/{key}",
            Publish(new { id = "week1", title = "Week 1: Ohm's law", position = 1 }, new { id = "week3", title = "Week 3", position = 3 }));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.StatusCode, updated.StatusCode));
        var outcome = await updated.JsonAsync();
        Assert.Equal((1, 1, 1, 0), (outcome.GetProperty("sections_added").GetInt32(), outcome.GetProperty("sections_updated").GetInt32(),
            outcome.GetProperty("sections_removed").GetInt32(), outcome.GetProperty("sections_hidden").GetInt32()));
        await using var check = await DbAsync();
        var course = await check.Courses.SingleAsync(c => c.Key == key);
        var sections = await check.Sections.Where(s => s.CourseId == course.Id).OrderBy(s => s.Position).ToListAsync();
        Assert.Equal(["week1", "week3"], sections.Select(s => s.BlockId));
        Assert.Equal("Week 1: Ohm's law", sections[0].Title);
        Assert.Equal(["Entered by an author"], sections[0].Highlights);
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), course.Verified!.ExpirationUtc);
    }

    [Fact]
    public async Task ASectionWithHighlightsThatLeavesTheOutlineIsHiddenNotDeleted()
    {
        var key = NewKey();
        await Client().PutJsonAsync($"/api/courses/{key}", Publish(new { id = "week1", title = "Week 1", position = 1 }));
        await using (var db = await DbAsync())
        {
            var week1 = await db.Sections.SingleAsync(s => s.BlockId == "week1" && db.Courses.Any(c => c.Id == s.CourseId && c.Key == key));
            week1.SetHighlights(["Kept"]);
            await db.SaveChangesAsync();
        }

        var response = await (await Client().PutJsonAsync($"/api/courses/{key}", Publish(new { id = "week9", title = "Week 9", position = 9 }))).JsonAsync();

        Assert.Equal((0, 1), (response.GetProperty("sections_removed").GetInt32(), response.GetProperty("sections_hidden").GetInt32()));
        await using var check = await DbAsync();
        var kept = await check.Sections.SingleAsync(s => s.BlockId == "week1" && check.Courses.Any(c => c.Id == s.CourseId && c.Key == key));
        Assert.True(kept.HiddenFromToc);
        Assert.Equal(["Kept"], kept.Highlights);
    }

    [Fact]
    public async Task ListsLeftOutOfAPublishKeepWhatIsStored()
    {
        var key = NewKey();
        await Client().PutJsonAsync($"/api/courses/{key}", Publish(new { id = "week1", title = "Week 1", position = 1 }));

        var response = await Client().PutJsonAsync($"/api/courses/{key}", new { display_name = "Renamed", start = "2026-01-05T00:00:00Z" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var check = await DbAsync();
        var course = await check.Courses.SingleAsync(c => c.Key == key);
        Assert.Equal(("Renamed", 2, true), (course.DisplayName, course.Modes.Count, course.SelfPaced));
        Assert.Equal(1, await check.Sections.CountAsync(s => s.CourseId == course.Id));
    }

    [Fact]
    public async Task ABadKeyIs400NamingTheKey()
    {
        var response = await Client().PutJsonAsync("/api/courses/MITx%2F6.00x", Publish());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["key"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task MissingFieldsAndAnEndBeforeTheStartAreNamed()
    {
        var response = await Client().PutJsonAsync($"/api/courses/{NewKey()}", new { start = "2026-05-01", end = "2026-04-01", modes = new[] { new { mode = "Not a mode!" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["display_name", "end", "modes[0].mode"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task AnUnknownSiteIs404()
    {
        var body = new { display_name = "X", site = "nowhere.example.org", start = "2026-01-05" };

        var response = await Client().PutJsonAsync($"/api/courses/{NewKey()}", body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["site"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task AnEnrollmentsKeyCannotPublish()
    {
        var key = await portal.Services.CreateApiKeyAsync(ApiScope.Enrollments);

        var response = await portal.CreateClient().WithApiKey(key).PutJsonAsync($"/api/courses/{NewKey()}", Publish());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
