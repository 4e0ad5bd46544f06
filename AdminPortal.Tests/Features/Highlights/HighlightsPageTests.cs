using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.Highlights;
using AdminPortal.Features.Import;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Highlights;

public sealed class HighlightsPageTests
{
    private static async Task<PageContext> StartAsync(string role)
    {
        var context = await PageContext.StartAsync(role);
        await context.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin);
        await context.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        return context;
    }

    [Fact]
    public async Task AnAuthorSeesOnlyTheirCoursesAndNoSearch()
    {
        await using var context = await StartAsync(PortalRoles.CourseAuthor);
        var courses = context.Get<CourseAssignmentService>();
        var mine = (await courses.FindCoursesAsync("6.00x", PortalServices.Admin)).Single();
        await courses.AssignAsync(context.UserId, mine.Id, PortalServices.Admin);

        var page = context.Render<HighlightsPage>();

        page.WaitForAssertion(() => Assert.Equal($"highlights/{mine.Id}", page.Find("ul[aria-label='Courses you may edit'] a").GetAttribute("href")));
        Assert.Single(page.FindAll("ul[aria-label='Courses you may edit'] a"));
        Assert.Empty(page.FindAll(".portal-search"));
    }

    [Fact]
    public async Task AnAuthorWithoutCoursesIsToldWhoAssignsThem()
    {
        await using var context = await StartAsync(PortalRoles.CourseAuthor);

        var page = context.Render<HighlightsPage>();

        page.WaitForAssertion(() => Assert.Contains("No course is assigned to you yet: a superuser assigns courses to course authors.", page.Markup));
    }

    [Fact]
    public async Task ASuperuserSearchesEveryCourseAsTheyTypeAndTheSearchLivesInTheAddress()
    {
        await using var context = await StartAsync(PortalRoles.Superuser);
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        var page = context.Render<HighlightsPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("ul[aria-label='Courses you may edit'] a").Count > 1));

        await page.Find(".portal-search input").InputAsync(new ChangeEventArgs { Value = "CS50" });

        page.WaitForAssertion(() => Assert.EndsWith("?q=CS50", navigation.Uri));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("ul[aria-label='Courses you may edit'] a")));
        Assert.Contains("CS50", page.Find("ul[aria-label='Courses you may edit'] li").TextContent);
    }
}
