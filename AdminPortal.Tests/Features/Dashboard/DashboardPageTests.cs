using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Dashboard;
using AdminPortal.Tests.Support;
using Bunit;

namespace AdminPortal.Tests.Features.Dashboard;

public sealed class DashboardPageTests
{
    private static IReadOnlyList<string> Areas(IRenderedComponent<PageHost> page) => page.FindAll("section h2").Select(h => h.TextContent).ToList();

    [Fact]
    public async Task SupportSeesOnlyTheCourseResetPagesTheyMayOpen()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Support);

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal(["Course reset"], Areas(page)));
        Assert.Equal(["support/course-reset", "support/course-reset/history"], page.FindAll("section a").Select(a => a.GetAttribute("href")!).ToArray());
        Assert.Contains("You are signed in as Support", page.Markup);
    }

    [Fact]
    public async Task ASuperuserSeesEveryAreaWithAnIconPerPage()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("Administration", Areas(page)));
        Assert.Equal(["Learning data", "Schedules", "Messaging", "Course reset", "Survey reports", "Sync and metrics", "Administration"], Areas(page));
        var cards = page.FindAll(".portal-card");
        Assert.All(cards, card => Assert.NotEmpty(card.QuerySelector("svg.mud-icon-root")!.Children));
        Assert.Contains(cards, card => card.QuerySelector("a")!.GetAttribute("href") == "admin/system");
    }
}
