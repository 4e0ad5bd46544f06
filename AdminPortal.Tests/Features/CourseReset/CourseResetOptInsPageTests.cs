using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.CourseReset;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Tests.Features.CourseReset;

public sealed class CourseResetOptInsPageTests : IAsyncLifetime
{
    private const string Key = "course-v1:MITx+6.00x+2026_T1";
    private PageContext context = default!;

    public async Task InitializeAsync()
    {
        context = await PageContext.StartAsync(PortalRoles.Superuser);
        await TestCourses.ImportAsync(context.Portal.Services);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    private static async Task AddAsync(IRenderedComponent<PageHost> page, string key)
    {
        await page.Find("form input").ChangeAsync(new ChangeEventArgs { Value = key });
        await page.Find("form").SubmitAsync();
    }

    private async Task<IReadOnlyList<OptInRow>> OptedInAsync() =>
        (await context.Get<CourseResetOptInService>().SearchAsync(null, new PageRequest(0, 100), PortalServices.Admin)).Items;

    [Fact]
    public async Task ACourseIsOptedInOnceAndTheSecondTimeIsRefusedOnThePage()
    {
        var page = context.Render<CourseResetOptInsPage>();
        page.WaitForAssertion(() => Assert.Contains("No course is opted in yet.", page.Markup));

        await AddAsync(page, Key);

        page.WaitForAssertion(() => Assert.Contains($"{Key} is opted in: support can reset it now.", page.Find(".mud-snackbar").TextContent));
        page.WaitForAssertion(() => Assert.Contains(Key, page.Find("[aria-label='Courses opted in to reset'] tbody tr").TextContent));
        var row = page.Find("[aria-label='Courses opted in to reset'] tbody tr");
        Assert.Equal("on", row.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Empty(page.FindAll(".mud-alert"));
        Assert.Equal(Key, Assert.Single(await OptedInAsync()).CourseKey);

        await AddAsync(page, Key);

        page.WaitForAssertion(() => Assert.Contains($"{Key} is already opted in", page.Find(".mud-alert").TextContent));
        Assert.Single(await OptedInAsync());
    }

    [Fact]
    public async Task TheSearchNarrowsTheList()
    {
        await context.Get<CourseResetOptInService>().AddAsync(Key, PortalServices.Admin);
        var page = context.Render<CourseResetOptInsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[aria-label='Courses opted in to reset'] tbody tr a, [aria-label='Courses opted in to reset'] tbody tr button")));

        await page.Input("Search opted-in courses (key or name)").TypeAsync("no-such-course");

        page.WaitForAssertion(() => Assert.Contains("No opted-in course matches.", page.Markup));
    }

    [Fact]
    public async Task SwitchingACourseOffStopsNewResetsAndSaysSo()
    {
        await context.Get<CourseResetOptInService>().AddAsync(Key, PortalServices.Admin);
        var page = context.Render<CourseResetOptInsPage>();

        await page.WaitForElement($"button[aria-label='Switch off {Key}']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains($"Course reset is off for {Key}.", page.Find(".mud-snackbar").TextContent));
        Assert.Equal("off", page.Find("[aria-label='Courses opted in to reset'] tbody tr td:nth-child(2)").TextContent.Trim());
        Assert.False(Assert.Single(await OptedInAsync()).IsActive);
        Assert.NotNull(page.Find($"button[aria-label='Switch on {Key}']"));
    }
}
