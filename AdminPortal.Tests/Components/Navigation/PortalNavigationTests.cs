using System.Reflection;
using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Tests.Components.Navigation;

public sealed class PortalNavigationTests
{
    private static IReadOnlyList<string> MenuOf(params string[] roles) =>
        PortalNavigation.VisibleTo(new PortalActor("id", "someone", roles))
            .SelectMany(area => area.Pages.Select(page => $"{area.Title}/{page.Title}")).ToList();

    [Fact]
    public void ASuperuserSeesEveryPage() =>
        Assert.Equal(PortalNavigation.Areas.SelectMany(a => a.Pages.Select(p => $"{a.Title}/{p.Title}")), MenuOf(PortalRoles.Superuser));

    [Fact]
    public void StaffSeesOnlyWhatItMayRead() =>
        Assert.Equal(
            ["Learning data/Courses", "Learning data/Learners", "Schedules/Learner schedules", "Schedules/Schedule settings",
                "Schedules/Upgrade deadlines", "Messaging/Message runs", "Messaging/Messages", "Sync and metrics/Catalog sync", "Sync and metrics/Daily metrics", "Administration/System status", "Administration/Jobs"],
            MenuOf(PortalRoles.Staff));

    [Fact]
    public void SupportSeesOnlyTheCourseReset() =>
        Assert.Equal(["Course reset/Reset a course", "Course reset/Reset history"], MenuOf(PortalRoles.Support));

    [Fact]
    public void CourseAuthorsSeeOnlyTheHighlights() => Assert.Equal(["Messaging/Section highlights"], MenuOf(PortalRoles.CourseAuthor));

    [Fact]
    public void AreasWithoutAVisiblePageAreLeftOut() =>
        Assert.DoesNotContain(PortalNavigation.VisibleTo(new PortalActor("id", "x", [PortalRoles.Staff])), a => a.Pages.Count == 0);

    [Theory]
    [InlineData("admin/accounts", "Accounts")]
    [InlineData("/admin/accounts/", "Accounts")]
    [InlineData("admin/system?x=1", "System status")]
    [InlineData("/admin/jobs", "Jobs")]
    [InlineData("/admin/jobs/runs/42", "Jobs")]
    [InlineData("", "Dashboard")]
    [InlineData("/schedules", "Learner schedules")]
    [InlineData("/highlights/12", "Section highlights")]
    [InlineData("/messaging/messages/7", "Messages")]
    [InlineData("/schedules/config", "Schedule settings")]
    [InlineData("/schedules/deadlines?course=1", "Upgrade deadlines")]
    public void PagesAreFoundByTheirAddress(string path, string title) =>
        Assert.Equal(title, PortalNavigation.FindByPath(path)?.Title);

    [Theory]
    [InlineData("/admin/jobsearch")]
    [InlineData("/nowhere")]
    public void OnlyPagesBelowAMenuPageShareItsEntry(string path) => Assert.Null(PortalNavigation.FindByPath(path));

    public static TheoryData<Type> RoutablePages() =>
        new(typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>().Any()));

    [Theory]
    [MemberData(nameof(RoutablePages))]
    public void EveryPageNamesAPolicyOrIsDeliberatelyAnonymous(Type page)
    {
        var anonymous = page.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
        var policy = page.GetCustomAttribute<AuthorizeAttribute>()?.Policy;
        Assert.True(anonymous ^ (policy is not null), $"{page.Name} must have [Authorize(Policy = ...)] or [AllowAnonymous], not both");
        if (policy is not null)
        {
            Assert.NotNull(PortalPolicies.Find(policy));
        }
    }

    [Theory]
    [MemberData(nameof(RoutablePages))]
    public void TheMenuAndThePageAgreeOnThePolicy(Type page)
    {
        foreach (var route in page.GetCustomAttributes<RouteAttribute>())
        {
            if (PortalNavigation.FindByPath(route.Template) is { } entry)
            {
                Assert.Equal(entry.Policy.Name, page.GetCustomAttribute<AuthorizeAttribute>()?.Policy);
            }
        }
    }
}
