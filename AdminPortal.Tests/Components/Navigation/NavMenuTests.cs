using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Components.Navigation;

public sealed class NavMenuTests
{
    public static TheoryData<string, string[]> Roles() => new()
    {
        { PortalRoles.Superuser, ["Dashboard", "Learning data", "Courses", "Learners", "Schedules", "Learner schedules", "Schedule settings", "Upgrade deadlines", "Messaging", "Message runs", "Messages", "Section highlights", "Course reset", "Reset a course", "Reset history", "Reset opt-ins", "Survey reports", "Reports", "Sync and metrics", "Catalog sync", "Daily metrics", "Administration", "Accounts", "Import", "API keys", "System status", "Jobs"] },
        { PortalRoles.Staff, ["Dashboard", "Learning data", "Courses", "Learners", "Schedules", "Learner schedules", "Schedule settings", "Upgrade deadlines", "Messaging", "Message runs", "Messages", "Sync and metrics", "Catalog sync", "Daily metrics", "Administration", "System status", "Jobs"] },
        { PortalRoles.Support, ["Dashboard", "Course reset", "Reset a course", "Reset history"] },
        { PortalRoles.CourseAuthor, ["Dashboard", "Messaging", "Section highlights"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRoleSeesExactlyItsMenu(string role, string[] menu)
    {
        await using var context = await PageContext.StartAsync(role);

        var nav = context.Render<NavMenu>();

        var entries = nav.FindAll(".mud-nav-link-text, .mud-nav-group > button .mud-nav-link-text").Select(e => e.TextContent.Trim());
        Assert.Equal(menu, entries.Distinct());
    }

    [Theory]
    [InlineData("/schedules/config", "Schedule settings")]
    [InlineData("/schedules", "Learner schedules")]
    [InlineData("/messaging/messages", "Messages")]
    [InlineData("/messaging", "Message runs")]
    [InlineData("/support/course-reset/history", "Reset history")]
    [InlineData("/admin/jobs/runs/12", "Jobs")]
    [InlineData("/", "Dashboard")]
    public async Task ExactlyThePageShownIsHighlighted(string path, string item)
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo(path);

        var nav = context.Render<NavMenu>();

        var active = nav.FindAll("a.mud-nav-link.active");
        Assert.Single(active);
        Assert.Equal(item, active[0].TextContent.Trim());
        Assert.Equal("page", active[0].GetAttribute("aria-current"));
    }

    [Fact]
    public async Task TheHighlightFollowsNavigation()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        var nav = context.Render<NavMenu>();

        navigation.NavigateTo("/admin/accounts");

        nav.WaitForAssertion(() => Assert.Equal("Accounts", nav.Find("a.mud-nav-link.active").TextContent.Trim()));
    }
}
