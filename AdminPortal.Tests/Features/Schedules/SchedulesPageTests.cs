using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Schedules;
using AdminPortal.Tests.Features.Courses;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Schedules;

public sealed class SchedulesPageTests
{
    private static async Task<PageContext> StartAsync(string role)
    {
        var context = await PageContext.StartAsync(role);
        await context.Get<DemoDataSeeder>().SeedAsync(30, 7, PortalServices.Admin);
        return context;
    }

    private static Task<Page<ScheduleRow>> SchedulesAsync(PageContext context, ScheduleFilter filter) =>
        context.Get<ScheduleBrowser>().SearchAsync(filter, new PageRequest(0, 1), PortalServices.Admin);

    [Fact]
    public async Task TheCourseColumnShowsNameAndKeyWithTheFullTextOnHover()
    {
        await using var context = await StartAsync(PortalRoles.Staff);
        var first = (await SchedulesAsync(context, new ScheduleFilter())).Items.Single();

        var page = context.Render<SchedulesPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr")));
        var cell = page.Find("tbody tr").QuerySelectorAll("td")[1];
        Assert.Equal(first.CourseName, cell.QuerySelector("a")!.TextContent);
        Assert.Equal($"courses/{first.CourseId}", cell.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(first.CourseKey, cell.QuerySelector("code")!.TextContent);
        Assert.Equal([first.CourseName, first.CourseKey], cell.QuerySelectorAll("[title]").Select(e => e.GetAttribute("title")));
        Assert.All(cell.QuerySelectorAll("[title]"), e => Assert.Contains("text-overflow: ellipsis", e.GetAttribute("style")));
    }

    [Fact]
    public async Task StaffFiltersFromTheAddressButHasNoBulkAction()
    {
        await using var context = await StartAsync(PortalRoles.Staff);
        var inactive = await SchedulesAsync(context, new ScheduleFilter(Active: false));
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/schedules?active=no");

        var page = context.Render<SchedulesPage>();

        page.WaitForAssertion(() => Assert.Contains(inactive.Total == 0 ? "No schedule matches these filters." : $"of {inactive.Total}", page.Markup));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.StartsWith("Apply to the", StringComparison.Ordinal));
        Assert.DoesNotContain("Bulk action", page.Markup);
    }

    [Fact]
    public async Task ASuperuserDeactivatesTheMatchingSchedulesAfterConfirmingTheCount()
    {
        await using var context = await StartAsync(PortalRoles.Superuser);
        var someone = (await SchedulesAsync(context, new ScheduleFilter(Active: true))).Items.First();
        var filter = new ScheduleFilter(Course: someone.CourseKey, Active: true);
        var matching = (await SchedulesAsync(context, filter)).Total;
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/schedules?course={Uri.EscapeDataString(someone.CourseKey)}");
        var page = context.Render<SchedulesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr a")));

        await CoursesPageTests.SelectAsync(page, "Active", "Active");
        page.WaitForAssertion(() => Assert.Contains("active=yes", navigation.Uri));
        await CoursesPageTests.SelectAsync(page, "Bulk action", "Deactivate");
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == $"Apply to the {matching:N0} matching"));
        var apply = page.FindAll("button").Single(b => b.TextContent.Trim() == $"Apply to the {matching:N0} matching").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains($"Deactivate for {matching:N0} schedule(s)?", page.Find(".mud-dialog").TextContent));
        await page.Find(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Apply").ClickAsync(new());
        await apply;

        page.WaitForAssertion(() => Assert.Contains($"Deactivate: {matching:N0} schedule(s) changed.", page.Markup));
        page.WaitForAssertion(() => Assert.Contains("No schedule matches these filters.", page.Markup));
        Assert.Equal(0, (await SchedulesAsync(context, filter)).Total);
        Assert.Equal(matching, (await SchedulesAsync(context, filter with { Active = false })).Total);
    }
}
