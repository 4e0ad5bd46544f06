using AdminPortal.Data;
using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.Highlights;
using AdminPortal.Features.Import;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Highlights;

/// <summary>Who may edit which course's highlights, checked on the server; the rules of a highlight; the weekly preview.</summary>
[RunsOnPostgreSql]
public sealed class HighlightsServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private HighlightsService highlights = default!;
    private PortalActor author = default!;
    private int assigned, other;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        highlights = portal.Get<HighlightsService>();
        await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin);
        await portal.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await portal.Get<ImportService>().ImportAsync(ImportKind.Sections, TestData.ImportFile("sections.csv"), "sections.csv", PortalServices.Admin);
        var authorId = await portal.CreateAccountAsync("author@example.org", PortalRoles.CourseAuthor);
        var courses = portal.Get<CourseAssignmentService>();
        assigned = (await courses.FindCoursesAsync("6.00x", PortalServices.Admin)).Single().Id;
        other = (await courses.FindCoursesAsync("CS50", PortalServices.Admin)).Single().Id;
        await courses.AssignAsync(authorId, assigned, PortalServices.Admin);
        author = new PortalActor(authorId, "author@example.org", [PortalRoles.CourseAuthor]);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task MoreCoursesThanTheListHoldsAreSaidToBeCut()
    {
        await using (var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
            db.Courses.AddRange(Enumerable.Range(0, HighlightsService.MaxListed + 1).Select(i => new Course(new CourseKey("ManyX", $"C{i:000}", "2026"), $"Course {i}", start)));
            await db.SaveChangesAsync();
        }

        var all = await highlights.EditableCoursesAsync(PortalServices.Admin, "ManyX");
        var narrowed = await highlights.EditableCoursesAsync(PortalServices.Admin, "ManyX+C05");

        Assert.Equal((HighlightsService.MaxListed, true, "course-v1:ManyX+C000+2026"), (all.Items.Count, all.Truncated, all.Items[0].Key));
        Assert.Equal((1, false), (narrowed.Items.Count, narrowed.Truncated));
    }

    [Fact]
    public async Task AnAuthorEditsTheirCourseButNotAnother()
    {
        var course = await highlights.CourseAsync(assigned, author);
        var saved = await highlights.SaveAsync(assigned, course!.Sections[1].Id, ["Functions", " ", "Scope"], author);

        Assert.Equal(["Functions", "Scope"], saved.Value);
        Assert.Equal(["course-v1:MITx+6.00x+2026_T1"], (await highlights.EditableCoursesAsync(author)).Items.Select(c => c.Key));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => highlights.CourseAsync(other, author));
        var refused = await highlights.SaveAsync(other, course.Sections[0].Id, ["x"], author);
        Assert.Equal(("course", HighlightsService.NoLongerAssigned), (refused.Errors.Single().Field, refused.Errors.Single().Message));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => highlights.SetEnabledAsync(other, true, author));
        var staff = new PortalActor("staff", "staff@example.org", [PortalRoles.Staff]);
        await Assert.ThrowsAsync<PortalForbiddenException>(() => highlights.CourseAsync(assigned, staff));
    }

    [Fact]
    public async Task AnAuthorRemovedFromTheCourseWhileEditingIsToldSoOnSave()
    {
        var course = await highlights.CourseAsync(assigned, author);
        await portal.Get<CourseAssignmentService>().UnassignAsync(author.Id, assigned, PortalServices.Admin);

        var saved = await highlights.SaveAsync(assigned, course!.Sections[1].Id, ["Functions"], author);

        Assert.False(saved.Succeeded);
        Assert.Equal("You are no longer assigned to this course: your changes were not saved. Ask a superuser to assign it to you again.",
            saved.Errors.Single().Message);
        Assert.Equal(course.Sections[1].Highlights, (await highlights.CourseAsync(assigned, PortalServices.Admin))!.Sections[1].Highlights);
    }

    [Fact]
    public async Task AHighlightOver250CharactersOrASixthIsRefusedAndNothingChanges()
    {
        var section = (await highlights.CourseAsync(assigned, author))!.Sections[0];

        var tooLong = await highlights.SaveAsync(assigned, section.Id, [new string('x', 251)], author);
        var tooMany = await highlights.SaveAsync(assigned, section.Id, ["1", "2", "3", "4", "5", "6"], author);

        Assert.Equal("Highlight 1: A highlight has at most 250 characters; this one has 251.", Assert.Single(tooLong.Errors).Message);
        Assert.Equal("A section has at most 5 highlights, not 6.", Assert.Single(tooMany.Errors).Message);
        Assert.Equal(section.Highlights, (await highlights.CourseAsync(assigned, author))!.Sections[0].Highlights);
    }

    [Fact]
    public async Task ThePreviewIsTheWeekOfTheSectionAmongThoseWithHighlights()
    {
        var course = (await highlights.CourseAsync(assigned, author))!;
        var (first, hidden, second) = (course.Sections[0], course.Sections[2], course.Sections[1]);

        var week2 = await highlights.PreviewAsync(course, second.Id, ["<script>alert(1)</script>", "Closures"], author);
        var withoutFirst = await highlights.PreviewAsync(course with { Sections = [first with { Highlights = [] }, second, hidden] }, second.Id, ["Closures"], author);
        var ofHidden = await highlights.PreviewAsync(course, hidden.Id, ["Bonus"], author);
        var empty = await highlights.PreviewAsync(course, first.Id, [], author);

        Assert.Equal((2, "Welcome to week 2"), (week2.Week, week2.Email!.Subject));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", week2.Email.Html);
        Assert.DoesNotContain("<script>", week2.Email.Html);
        Assert.Equal(1, withoutFirst.Week);
        Assert.Null(ofHidden.Email);
        Assert.StartsWith("This section is hidden", ofHidden.WhyNone);
        Assert.StartsWith("Without highlights this section has no weekly email", empty.WhyNone);
    }
}
