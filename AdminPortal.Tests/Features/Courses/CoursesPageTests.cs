using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Courses;
using AdminPortal.Features.DemoData;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Courses;

public sealed class CoursesPageTests : IAsyncLifetime
{
    private PageContext context = default!;

    public async Task InitializeAsync()
    {
        context = await PageContext.StartAsync(PortalRoles.Staff);
        await context.Get<DemoDataSeeder>().SeedAsync(20, 7, PortalServices.Admin);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    private Task<Page<CourseRow>> CoursesAsync(CourseFilter filter) =>
        context.Get<CourseBrowser>().SearchAsync(filter, new PageRequest(0, 100), PortalServices.Admin);

    [Fact]
    public async Task ListsCoursesWithTheirKeyAndALinkToEach()
    {
        var all = await CoursesAsync(new CourseFilter());
        var page = context.Render<CoursesPage>();

        page.WaitForAssertion(() => Assert.Equal(Math.Min(20, all.Total), page.FindAll("tbody tr").Count));
        var first = page.Find("tbody tr");
        var course = all.Items.Single(c => first.QuerySelector("a")!.GetAttribute("href") == $"courses/{c.Id}");
        Assert.Contains(course.Key, first.TextContent);
        Assert.Contains($"of {all.Total}", page.Find(".mud-table-pagination").TextContent);
    }

    [Fact]
    public async Task AnAddressWithFiltersOpensFiltered()
    {
        var ended = await CoursesAsync(new CourseFilter(State: CourseState.Ended));
        Assert.True(ended.Total > 0);
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/courses?state=Ended");

        var page = context.Render<CoursesPage>();

        page.WaitForAssertion(() => Assert.Equal(ended.Items.Count, page.FindAll("tbody tr").Count));
        Assert.All(ended.Items, c => Assert.Contains($"courses/{c.Id}\"", page.Markup));
        Assert.Contains(page.FindAll("input"), i => i.GetAttribute("value") == "Ended");
    }

    [Fact]
    public async Task ChoosingAStatusFiltersAndPutsItInTheAddress()
    {
        var running = await CoursesAsync(new CourseFilter(State: CourseState.Running));
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        var page = context.Render<CoursesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr a")));

        await SelectAsync(page, "Status", "Running");

        page.WaitForAssertion(() => Assert.EndsWith("?state=Running", navigation.Uri));
        page.WaitForAssertion(() => Assert.Contains($"of {running.Total}", page.Find(".mud-table-pagination").TextContent));
        var ids = running.Items.Select(c => $"courses/{c.Id}").ToHashSet();
        Assert.All(page.FindAll("tbody tr a"), a => Assert.Contains(a.GetAttribute("href")!, ids));
    }

    [Fact]
    public async Task TheSearchMatchesKeyOrNameAndSaysWhenNothingMatches()
    {
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        var page = context.Render<CoursesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr a")));

        await page.Find("input").InputAsync(new ChangeEventArgs { Value = "zzz-no-course" });

        page.WaitForAssertion(() => Assert.EndsWith("?q=zzz-no-course", navigation.Uri));
        page.WaitForAssertion(() => Assert.Contains("No course matches these filters.", page.Markup));
        Assert.Empty(page.FindAll("tbody tr a"));
    }

    [Fact]
    public async Task AnAddressWithPageSortAndSizeOpensOnThatPage()
    {
        var expected = await context.Get<CourseBrowser>().SearchAsync(new CourseFilter(), new PageRequest(20, 20, nameof(CourseRow.DisplayName), true), PortalServices.Admin);
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/courses?page=2&sort=DisplayName&desc=true");

        var page = context.Render<CoursesPage>();

        page.WaitForAssertion(() => Assert.Equal(expected.Items.Select(c => $"courses/{c.Id}"),
            page.FindAll("tbody tr a").Select(a => a.GetAttribute("href"))));
        Assert.Contains("21-40 of 40", page.Find(".mud-table-pagination").TextContent);
    }

    [Fact]
    public async Task PagingAndSortingGoIntoTheAddressAndANewFilterStartsAtPageOne()
    {
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/courses");
        var page = context.Render<CoursesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr a")));

        await page.Find("button[aria-label='Next page']").ClickAsync();
        page.WaitForAssertion(() => Assert.EndsWith("/courses?page=2", navigation.Uri));
        await page.FindAll("th").First(h => h.TextContent.Contains("Org")).QuerySelector("[blazor\\:onclick]")!.ClickAsync();
        page.WaitForAssertion(() => Assert.Contains("sort=Org", navigation.Uri));

        await SelectAsync(page, "Status", "Running");

        page.WaitForAssertion(() => Assert.Contains("state=Running", navigation.Uri));
        page.WaitForAssertion(() => Assert.DoesNotContain("page=", navigation.Uri));
        page.WaitForAssertion(() => Assert.StartsWith("1-", page.Find(".mud-table-pagination-caption:last-of-type").TextContent.Trim()));
        Assert.Contains("sort=Org", navigation.Uri);
    }

    /// <summary>Opens the MudSelect labelled <paramref name="label"/> and clicks the item <paramref name="text"/>, as a person does.</summary>
    internal static async Task SelectAsync(IRenderedComponent<PageHost> page, string label, string text)
    {
        var control = page.FindAll(".mud-select").First(s => s.QuerySelector("label")?.TextContent.Trim() == label);
        var opener = control.QuerySelectorAll("*").First(e => e.HasAttribute("blazor:onmousedown") || e.HasAttribute("blazor:onclick"));
        if (opener.HasAttribute("blazor:onmousedown"))
        {
            await opener.MouseDownAsync(new());
        }
        else
        {
            await opener.ClickAsync(new());
        }
        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == text));
        await page.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == text).ClickAsync(new());
    }
}
