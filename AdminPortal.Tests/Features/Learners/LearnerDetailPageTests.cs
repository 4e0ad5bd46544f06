using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Learners;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Learners;

public sealed class LearnerDetailPageTests
{
    private static async Task<PageContext> StartAsync(string role)
    {
        var context = await PageContext.StartAsync(role);
        await context.Get<DemoDataSeeder>().SeedAsync(10, 7, PortalServices.Admin);
        return context;
    }

    private static async Task<LearnerDetail> EnrolledLearnerAsync(PageContext context)
    {
        var browser = context.Get<LearnerBrowser>();
        foreach (var row in (await browser.SearchAsync(null, new PageRequest(0, 10), PortalServices.Admin)).Items)
        {
            if (await browser.DetailAsync(row.Id, PortalServices.Admin) is { Courses.Count: > 1 } detail)
            {
                return detail;
            }
        }
        throw new InvalidOperationException("The demo data has no learner with two enrollments.");
    }

    [Fact]
    public async Task ShowsTheLearnersEnrollmentsWithLinksToTheirCourses()
    {
        await using var context = await StartAsync(PortalRoles.Staff);
        var learner = await EnrolledLearnerAsync(context);

        var page = context.Render<LearnerDetailPage>(p => p.Add(x => x.Id, learner.Learner.Id));

        page.WaitForAssertion(() => Assert.Equal(learner.Learner.Username, page.Find("h1").TextContent));
        var grid = page.Find("[aria-label='Enrollments and progress']");
        Assert.Equal(learner.Courses.Count, grid.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(learner.Courses.Select(c => $"courses/{c.CourseId}"), grid.QuerySelectorAll("tbody tr a").Select(a => a.GetAttribute("href")));
        Assert.Contains(learner.Learner.Email, page.Markup);
    }

    [Fact]
    public async Task StaffGetsALinkToTheLearnersMessagesButNotToTheResetTab()
    {
        await using var context = await StartAsync(PortalRoles.Staff);
        var learner = await EnrolledLearnerAsync(context);

        var page = context.Render<LearnerDetailPage>(p => p.Add(x => x.Id, learner.Learner.Id));

        page.WaitForAssertion(() => Assert.Equal(
            $"messaging/messages?q={Uri.EscapeDataString(learner.Learner.Username)}",
            page.FindAll("a").Single(a => a.TextContent.Contains("Messages to")).GetAttribute("href")));
        Assert.DoesNotContain(page.FindAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("support/course-reset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASuperuserGetsALinkToTheResetTabWithTheLearnerFilledIn()
    {
        await using var context = await StartAsync(PortalRoles.Superuser);
        var learner = await EnrolledLearnerAsync(context);

        var page = context.Render<LearnerDetailPage>(p => p.Add(x => x.Id, learner.Learner.Id));

        page.WaitForAssertion(() => Assert.Equal(
            $"support/course-reset?learner={Uri.EscapeDataString(learner.Learner.Username)}",
            page.FindAll("a").Single(a => a.TextContent.Contains("Reset a course of")).GetAttribute("href")));
    }

    [Fact]
    public async Task ALearnerWithoutEnrollmentsIsSaidToHaveNone()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        await using (var db = await context.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Learners.Add(new Learner("lonely", "lonely@example.org", "Lonely Learner", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        var id = (await context.Get<LearnerBrowser>().SearchAsync("lonely", new PageRequest(0, 1), PortalServices.Admin)).Items.Single().Id;

        var page = context.Render<LearnerDetailPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("Not enrolled in any course.", page.Markup));
    }

    [Fact]
    public async Task AnUnknownIdIsNotFound()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);

        var page = context.Render<LearnerDetailPage>(p => p.Add(x => x.Id, 4242));

        page.WaitForAssertion(() => Assert.Equal("Learner not found", page.Find("h1").TextContent));
    }
}
