using System.Net;
using System.Text.Json;
using AdminPortal.Domain.Integration;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Schedules;
using AdminPortal.Data;
using AdminPortal.Features.ApiKeys;
using AdminPortal.Features.Import;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Enrollments;

[RunsOnPostgreSql]
public sealed class EnrollmentApiTests : IClassFixture<EnrollmentApiTests.Portal>
{
    private const string Course = "course-v1:MITx+6.00x+2026_T1";

    public sealed class Portal : PortalWebFactory, IAsyncLifetime
    {
        public string EnrollmentsKey { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await Services.GetRequiredService<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin);
            var result = await Services.GetRequiredService<ImportService>().ImportAsync(
                ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
            Assert.True(result.Succeeded);
            EnrollmentsKey = await Services.CreateApiKeyAsync(ApiScope.Enrollments);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private readonly Portal portal;

    public EnrollmentApiTests(Portal portal) => this.portal = portal;

    private HttpClient Client() => portal.CreateClient().WithApiKey(portal.EnrollmentsKey);

    private static string Event(string username, string course = Course, string mode = "verified", string? email = null) =>
        $$"""{"username": "{{username}}", "email": "{{email ?? username + "@example.org"}}", "name": "Test", "course_key": "{{course}}", "mode": "{{mode}}", "created": "2026-01-10T12:00:00Z"}""";

    private static string NewUser() => "u" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task TheSameEventTwiceGivesTheSameEnrollment()
    {
        var username = NewUser();

        var first = await Client().PostJsonAsync("/api/enrollments", Event(username));
        var second = await Client().PostJsonAsync("/api/enrollments", Event(username));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var (a, b) = (await first.JsonAsync(), await second.JsonAsync());
        Assert.Equal(a.GetProperty("enrollment_id").GetInt32(), b.GetProperty("enrollment_id").GetInt32());
        Assert.Equal(("created", true), (a.GetProperty("change").GetString(), a.GetProperty("learner_created").GetBoolean()));
        Assert.Equal(("unchanged", false), (b.GetProperty("change").GetString(), b.GetProperty("learner_created").GetBoolean()));
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Learners.CountAsync(l => l.Username == username));
    }

    [Fact]
    public async Task SpacesAroundTheNamesAreIgnored()
    {
        var username = NewUser();

        var padded = await Client().PostJsonAsync("/api/enrollments", Event($" {username} ", email: $" {username}@example.org "));
        var plain = await Client().PostJsonAsync("/api/enrollments", Event(username));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (padded.StatusCode, plain.StatusCode));
        Assert.Equal("unchanged", (await plain.JsonAsync()).GetProperty("change").GetString());
    }

    [Fact]
    public async Task DeactivationIsIdempotentToo()
    {
        var username = NewUser();
        await Client().PostJsonAsync("/api/enrollments", Event(username));
        var body = $$"""{"username": "{{username}}", "course_key": "{{Course}}"}""";

        var first = await (await Client().PostJsonAsync("/api/enrollments/deactivate", body)).JsonAsync();
        var second = await (await Client().PostJsonAsync("/api/enrollments/deactivate", body)).JsonAsync();
        var again = await (await Client().PostJsonAsync("/api/enrollments", Event(username))).JsonAsync();

        Assert.Equal(("updated", false), (first.GetProperty("change").GetString(), first.GetProperty("active").GetBoolean()));
        Assert.Equal("unchanged", second.GetProperty("change").GetString());
        Assert.Equal(("updated", true), (again.GetProperty("change").GetString(), again.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task WithoutAKeyTheAnswerIs401ProblemDetails()
    {
        var response = await portal.CreateClient().PostJsonAsync("/api/enrollments", Event(NewUser()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["X-Api-Key"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task AWrongOrRevokedKeyIs401()
    {
        var key = await portal.Services.CreateApiKeyAsync(ApiScope.Enrollments);
        var keys = portal.Services.GetRequiredService<ApiKeyService>();
        var id = (await keys.ListAsync(PortalServices.Admin)).Single(k => key.StartsWith(k.Hint, StringComparison.Ordinal) && k.RevokedUtc == null).Id;
        await keys.RevokeAsync(id, PortalServices.Admin);

        var revoked = await portal.CreateClient().WithApiKey(key).PostJsonAsync("/api/enrollments", Event(NewUser()));
        var wrong = await portal.CreateClient().WithApiKey("pk_not-a-key").PostJsonAsync("/api/enrollments", Event(NewUser()));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (revoked.StatusCode, wrong.StatusCode));
    }

    [Fact]
    public async Task AKeyOfAnotherScopeIs403()
    {
        var coursesKey = await portal.Services.CreateApiKeyAsync(ApiScope.Courses);

        var response = await portal.CreateClient().WithApiKey(coursesKey).PostJsonAsync("/api/enrollments", Event(NewUser()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BadJsonIs400NamingTheBody()
    {
        var response = await Client().PostJsonAsync("/api/enrollments", "{\"username\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["body"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task AValueOfTheWrongTypeNamesItsField()
    {
        var response = await Client().PostJsonAsync("/api/enrollments", """{"username": "ada", "created": "last tuesday"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["created"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task EachInvalidFieldIsNamed()
    {
        var response = await Client().PostJsonAsync("/api/enrollments", """{"username": "a b", "email": "nope", "course_key": "MITx/6.00x", "mode": ""}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["username", "email", "course_key", "mode"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task AnUnknownCourseIs404NamingTheCourseKey()
    {
        var response = await Client().PostJsonAsync("/api/enrollments", Event(NewUser(), course: "course-v1:MITx+Nope+2026"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["course_key"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task AnEmailOfAnotherLearnerIs409()
    {
        var owner = NewUser();
        await Client().PostJsonAsync("/api/enrollments", Event(owner));

        var response = await Client().PostJsonAsync("/api/enrollments", Event(NewUser(), email: owner + "@example.org"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["email"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task AModeTheCourseLacksIs400()
    {
        var response = await Client().PostJsonAsync("/api/enrollments", Event(NewUser(), course: "course-v1:HarvardX+CS50+2026", mode: "verified"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["mode"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task DeactivatingAnUnknownEnrollmentIs404()
    {
        var response = await Client().PostJsonAsync("/api/enrollments/deactivate", $$"""{"username": "{{NewUser()}}", "course_key": "{{Course}}"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheAnswerCarriesTheScheduleOrWhyThereIsNone()
    {
        var instructorPaced = await (await Client().PostJsonAsync("/api/enrollments", Event(NewUser(), course: "course-v1:HarvardX+CS50+2026", mode: "audit"))).JsonAsync();
        var configs = portal.Services.GetRequiredService<ScheduleConfigService>();
        var site = (await configs.ListAsync(PortalServices.Admin)).Single();
        var off = await (await Client().PostJsonAsync("/api/enrollments", Event(NewUser()))).JsonAsync();
        await configs.SaveAsync(site.SiteId, ScheduleConfig.Off with { CreateSchedules = true }, site.Config.Version, PortalServices.Admin);
        var on = await (await Client().PostJsonAsync("/api/enrollments", Event(NewUser()))).JsonAsync();

        Assert.Equal((JsonValueKind.Null, "not_self_paced"), (instructorPaced.GetProperty("schedule").ValueKind, instructorPaced.GetProperty("schedule_skipped_reason").GetString()));
        Assert.Equal("creation_off", off.GetProperty("schedule_skipped_reason").GetString());
        var schedule = on.GetProperty("schedule");
        Assert.Equal(JsonValueKind.Null, on.GetProperty("schedule_skipped_reason").ValueKind);
        Assert.Equal(new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc), schedule.GetProperty("start").GetDateTime().ToUniversalTime());
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("upgrade_deadline").ValueKind); // no upgrade deadline is enabled
        Assert.Equal("recurring_nudge_and_upgrade_reminder", schedule.GetProperty("experience").GetString()); // no highlights imported
    }
}
