using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.Import;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Accounts;

[RunsOnPostgreSql]
public sealed class CourseAssignmentServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private CourseAssignmentService assignments = default!;
    private IReadOnlyList<AssignedCourse> courses = [];

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin);
        await portal.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        assignments = portal.Get<CourseAssignmentService>();
        courses = await assignments.FindCoursesAsync("course-v1", PortalServices.Admin);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task AnAuthorIsAssignedCoursesOnceAndMayEditOnlyThose()
    {
        var authorId = await portal.CreateAccountAsync("author@example.org", PortalRoles.CourseAuthor);
        var author = new PortalActor(authorId, "Ada", [PortalRoles.CourseAuthor]);

        await assignments.AssignAsync(authorId, courses[0].Id, PortalServices.Admin);
        await assignments.AssignAsync(authorId, courses[0].Id, PortalServices.Admin);

        Assert.Equal([courses[0].Key], (await assignments.ListAsync(authorId, PortalServices.Admin)).Select(c => c.Key));
        Assert.True(await assignments.MayEditAsync(author, courses[0].Id));
        Assert.False(await assignments.MayEditAsync(author, courses[1].Id));
        await assignments.UnassignAsync(authorId, courses[0].Id, PortalServices.Admin);
        Assert.False(await assignments.MayEditAsync(author, courses[0].Id));
    }

    [Fact]
    public async Task SuperusersMayEditEveryCourseAndStaffNone()
    {
        Assert.True(await assignments.MayEditAsync(new PortalActor("s", "Sam", [PortalRoles.Superuser]), courses[1].Id));
        Assert.False(await assignments.MayEditAsync(new PortalActor("t", "Stella", [PortalRoles.Staff]), courses[1].Id));
    }

    [Fact]
    public async Task OnlyCourseAuthorsAreAssignedCourses()
    {
        var staffId = await portal.CreateAccountAsync("staff@example.org", PortalRoles.Staff);

        var result = await assignments.AssignAsync(staffId, courses[0].Id, PortalServices.Admin);

        Assert.Equal("user", Assert.Single(result.Errors).Field);
        Assert.Empty(await assignments.ListAsync(staffId, PortalServices.Admin));
    }

    [Fact]
    public async Task OnlySuperusersAssign()
    {
        var authorId = await portal.CreateAccountAsync("author2@example.org", PortalRoles.CourseAuthor);

        await Assert.ThrowsAsync<PortalForbiddenException>(() =>
            assignments.AssignAsync(authorId, courses[0].Id, new PortalActor(authorId, "Ada", [PortalRoles.CourseAuthor])));
    }
}
