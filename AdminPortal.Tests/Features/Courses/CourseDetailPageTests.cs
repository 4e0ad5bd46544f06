using AdminPortal.Components.Shared;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Courses;
using AdminPortal.Features.DemoData;
using AdminPortal.Tests.Support;
using Bunit;

namespace AdminPortal.Tests.Features.Courses;

public sealed class CourseDetailPageTests
{
    [Fact]
    public async Task ShowsTheCoursesFactsEnrollmentsAndSections()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        await context.Get<DemoDataSeeder>().SeedAsync(20, 7, PortalServices.Admin);
        var browser = context.Get<CourseBrowser>();
        var rows = (await browser.SearchAsync(new CourseFilter(), new PageRequest(0, 100), PortalServices.Admin)).Items;
        CourseDetail? course = null;
        foreach (var row in rows.OrderByDescending(r => r.ActiveEnrollments))
        {
            course = await browser.DetailAsync(row.Id, PortalServices.Admin);
            if (course is { Sections.Count: > 0, EndUtc: not null })
            {
                break;
            }
        }

        var page = context.Render<CourseDetailPage>(p => p.Add(x => x.Id, course!.Id));

        page.WaitForAssertion(() => Assert.Equal(course!.DisplayName, page.Find("h1").TextContent));
        Assert.Equal(course!.Enrollments.Active.ToString("N0"), page.Find("[data-testid=active-enrollments]").TextContent);
        Assert.Contains($"{PortalFormat.Date(course.StartUtc)} to {PortalFormat.Date(course.EndUtc)}", page.Markup);
        Assert.Equal(course.Sections.Select(s => s.Title), page.FindAll(".portal-sections > li > strong").Select(s => s.TextContent));
        Assert.Equal("courses", page.FindAll("a").First(a => a.TextContent.Contains("Courses")).GetAttribute("href"));
    }

    [Fact]
    public async Task ACourseWithoutSectionsSaysWhereTheyComeFrom()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);
        await TestCourses.ImportAsync(context.Portal.Services);
        var course = (await context.Get<CourseBrowser>().SearchAsync(new CourseFilter(), new PageRequest(0, 1), PortalServices.Admin)).Items.Single();

        var page = context.Render<CourseDetailPage>(p => p.Add(x => x.Id, course.Id));

        page.WaitForAssertion(() => Assert.Contains("The course has no sections yet", page.Markup));
    }

    [Fact]
    public async Task AnUnknownIdIsNotFound()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);

        var page = context.Render<CourseDetailPage>(p => p.Add(x => x.Id, 4242));

        page.WaitForAssertion(() => Assert.Equal("Course not found", page.Find("h1").TextContent));
        Assert.Contains("No course has the id 4242.", page.Markup);
    }
}
