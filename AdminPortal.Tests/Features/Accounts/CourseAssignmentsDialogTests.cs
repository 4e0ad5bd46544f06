using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;
using Bunit;

namespace AdminPortal.Tests.Features.Accounts;

public sealed class CourseAssignmentsDialogTests
{
    [Fact]
    public async Task ASuperuserFindsACourseAssignsItAndRemovesIt()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);
        await TestCourses.ImportAsync(context.Portal.Services);
        var email = TestAccounts.UniqueEmail("author");
        var authorId = await context.Portal.CreateAccountAsync(email, PortalRoles.CourseAuthor);
        var page = context.Render<AccountsPage>();
        page.WaitForAssertion(() => page.Button($"Courses of {email}"));

        page.Button($"Courses of {email}").Press();
        page.WaitForAssertion(() => Assert.Contains($"None yet: {email} can edit no course's highlights.", page.Dialog().TextContent));
        await page.Input("Find a course by key or name").TypeAsync("MITx");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("button[aria-label^='Assign course-v1:MITx']")));
        var key = page.Find("button[aria-label^='Assign course-v1:MITx']").GetAttribute("aria-label")!["Assign ".Length..];
        await page.Button($"Assign {key}").ClickAsync();

        page.WaitForAssertion(() => page.Button($"Remove {key}"));
        var assigned = await context.Get<CourseAssignmentService>().ListAsync(authorId, PortalServices.Admin);
        Assert.Equal(key, Assert.Single(assigned).Key);
        Assert.False(page.HasButton($"Assign {key}"));

        await page.Button($"Remove {key}").ClickAsync();
        page.WaitForAssertion(() => Assert.Contains("None yet", page.Dialog().TextContent));
        Assert.Empty(await context.Get<CourseAssignmentService>().ListAsync(authorId, PortalServices.Admin));
    }
}
