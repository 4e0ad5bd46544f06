using System.Net;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Integration;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AdminPortal.Tests.Support.CourseResetWorld;

namespace AdminPortal.Tests.Features.CourseReset;

/// <summary>The support API through the whole web stack: its texts, status codes and who may call it.</summary>
[RunsOnPostgreSql]
public sealed class CourseResetEndpointsTests : IAsyncLifetime
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("reset-api");
    private PortalWebFactory portal = default!;
    private HttpClient support = default!;

    public async Task InitializeAsync()
    {
        portal = new PortalWebFactory(directory, services => services.AddSingleton<TimeProvider>(new ManualClock(Now)));
        await SeedAsync(portal.Services);
        // A superuser exists, so the portal is past its first-run setup and serves the login page.
        await portal.Services.CreateAccountAsync(TestAccounts.UniqueEmail("boss"), PortalRoles.Superuser);
        await AddProgressAsync(portal.Services, "bob", Running, 5);
        support = portal.CreateClient().WithApiKey(await portal.Services.CreateApiKeyAsync(ApiScope.Support, "helpdesk"));
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        directory.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string learner, string json) =>
        client.PostJsonAsync($"/api/support/course-reset/{learner}", json);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field, string message)
    {
        Assert.Equal(status, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.StartsWith(message, errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task GetListsTheLearnersRowsWithStatusAndComment()
    {
        var response = await support.GetAsync("/api/support/course-reset/ada@example.org");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([Ended, Future, Running, Second], rows.Select(r => r.GetProperty("course_id").GetString()));
        var running = rows[2];
        Assert.Equal((RunningName, true, "Available", ""),
            (running.GetProperty("display_name").GetString(), running.GetProperty("can_reset").GetBoolean(), running.GetProperty("status").GetString(), running.GetProperty("comment").GetString()));
    }

    [Fact]
    public async Task AnUnknownLearnerHasNoCoursesToListAndCannotBeReset()
    {
        var list = await support.GetAsync("/api/support/course-reset/nobody");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("[]", await list.Content.ReadAsStringAsync());
        await AssertProblemAsync(await PostAsync(support, "nobody", $$"""{"course_id":"{{Running}}","comment":"x"}"""), HttpStatusCode.NotFound, "user", "User does not exist");
    }

    [Theory]
    [InlineData("bob", """{"comment":"x"}""", HttpStatusCode.BadRequest, "course_id", "Must specify course id")]
    [InlineData("bob", """{"course_id":"MITx/Run","comment":"x"}""", HttpStatusCode.BadRequest, "course_id", "'MITx/Run' is not a course key")]
    [InlineData("bob", """{"course_id":"course-v1:MITx+Run+2026"}""", HttpStatusCode.BadRequest, "comment", "This field is required.")]
    [InlineData("ada", """{"course_id":"course-v1:MITx+Other+2026","comment":"x"}""", HttpStatusCode.NotFound, "course_id", "Course is not eligible")]
    [InlineData("cy", """{"course_id":"course-v1:MITx+Run+2026","comment":"x"}""", HttpStatusCode.NotFound, "course_id", "Learner is not enrolled in course")]
    [InlineData("ada", """{"course_id":"course-v1:MITx+Ended+2026","comment":"x"}""", HttpStatusCode.BadRequest, "course_id", "Cannot reset course: Course Ended")]
    [InlineData("bob", """{"course_id":42,"comment":"x"}""", HttpStatusCode.BadRequest, "course_id", "This value has the wrong type")]
    public async Task EachRefusalHasItsStatusAndText(string learner, string json, HttpStatusCode status, string field, string message)
    {
        await AssertProblemAsync(await PostAsync(support, learner, json), status, field, message);
        Assert.Empty(await AuditsAsync(portal.Services));
    }

    [Fact]
    public async Task APostResetsTheCourseInTheBackground()
    {
        var response = await PostAsync(support, "bob", $$"""{"course_id":"{{Running}}","comment":"Asked by the learner"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var row = await response.JsonAsync();
        Assert.Equal(("Enqueued - Created 2026-06-01 12:00 UTC by API key helpdesk", false, "Asked by the learner"),
            (row.GetProperty("status").GetString(), row.GetProperty("can_reset").GetBoolean(), row.GetProperty("comment").GetString()));
        var done = await Eventually.WaitForAsync(async () => (await AuditsAsync(portal.Services)).SingleOrDefault(a => a.Status == CourseResetStatus.Complete), "the reset to complete");
        Assert.Equal((0, 0, 0), await ProgressAsync(portal.Services, "bob", Running));
        var again = await support.GetAsync("/api/support/course-reset/bob");
        Assert.Equal("Completed on 2026-06-01 12:00 UTC by API key helpdesk", (await again.JsonAsync())[0].GetProperty("status").GetString());
        await AssertProblemAsync(await PostAsync(support, "bob", $$"""{"course_id":"{{Running}}","comment":"again"}"""),
            HttpStatusCode.BadRequest, "course_id", "Cannot reset course: Completed on");
        Assert.Equal("API key helpdesk", done.RequestedBy);
    }

    [Fact]
    public async Task CallersWithoutTheSupportRoleOrScopeAreRefused()
    {
        var anonymous = portal.CreateClient();
        var enrollmentsKey = portal.CreateClient().WithApiKey(await portal.Services.CreateApiKeyAsync(ApiScope.Enrollments));
        var staff = await SignedInAsync(PortalRoles.Staff);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/support/course-reset/bob")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enrollmentsKey.GetAsync("/api/support/course-reset/bob")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/support/course-reset/bob")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, "bob", $$"""{"course_id":"{{Running}}","comment":"x"}""")).StatusCode);
        Assert.Empty(await AuditsAsync(portal.Services));
    }

    [Fact]
    public async Task ASupportAccountsCookieWorksForJsonOnly()
    {
        var agent = await SignedInAsync(PortalRoles.Support);

        var listed = await agent.GetAsync("/api/support/course-reset/bob");
        var asForm = await agent.PostAsync("/api/support/course-reset/bob",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["course_id"] = Running, ["comment"] = "x" }));
        var asJson = await PostAsync(agent, "bob", $$"""{"course_id":"{{Running}}","comment":"By phone"}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.Created), (listed.StatusCode, asForm.StatusCode, asJson.StatusCode));
        Assert.StartsWith("support-", (await AuditsAsync(portal.Services)).Single().RequestedBy);
    }

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var email = TestAccounts.UniqueEmail(role);
        await portal.Services.CreateAccountAsync(email, role);
        var client = portal.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, TestAccounts.Password)).StatusCode);
        return client;
    }
}
