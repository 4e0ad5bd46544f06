using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.Highlights;
using AdminPortal.Features.Import;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Tests.Features.Highlights;

public sealed class HighlightsEditorPageTests : IAsyncLifetime
{
    private const string Functions = "Week 2: Functions";
    private PageContext context = default!;
    private int assigned, other;

    public async Task InitializeAsync()
    {
        context = await PageContext.StartAsync(PortalRoles.CourseAuthor);
        await context.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin);
        await context.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await context.Get<ImportService>().ImportAsync(ImportKind.Sections, TestData.ImportFile("sections.csv"), "sections.csv", PortalServices.Admin);
        var courses = context.Get<CourseAssignmentService>();
        assigned = (await courses.FindCoursesAsync("6.00x", PortalServices.Admin)).Single().Id;
        other = (await courses.FindCoursesAsync("CS50", PortalServices.Admin)).Single().Id;
        await courses.AssignAsync(context.UserId, assigned, PortalServices.Admin);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    private IRenderedComponent<PageHost> Open(int courseId)
    {
        var page = context.Render<HighlightsEditorPage>(p => p.Add(x => x.CourseId, courseId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("h1")));
        return page;
    }

    private static IElement Card(IRenderedComponent<PageHost> page, string title) =>
        page.FindAll(".portal-section-card").Single(c => c.QuerySelector("h2")!.TextContent == title);

    private static IElement Input(IElement card, int highlight) =>
        card.QuerySelectorAll(".mud-input-control").Single(c => c.QuerySelector("label")!.TextContent.Trim() == $"Highlight {highlight}").QuerySelector("input")!;

    private static IElement SaveBar(IRenderedComponent<PageHost> page) => page.Find("[aria-label='Save bar']");

    [Fact]
    public void EachSectionIsOneCardWithShortLabelsAndACounterPerInput()
    {
        var page = Open(assigned);

        var cards = page.FindAll(".portal-section-card");
        Assert.Equal(["Week 1: Python basics", Functions, "Extras"], cards.Select(c => c.QuerySelector("h2")!.TextContent));
        Assert.All(cards, card =>
        {
            Assert.Equal(["Highlight 1", "Highlight 2", "Highlight 3", "Highlight 4", "Highlight 5"],
                card.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
            Assert.Equal(5, card.TextContent.Split(" / 250").Length - 1);
        });
        Assert.Contains("19 / 250", Card(page, "Week 1: Python basics").TextContent); // "Variables and types"
        Assert.Contains("position: sticky", SaveBar(page).GetAttribute("style"));
        Assert.Contains("No unsaved changes.", SaveBar(page).TextContent);
    }

    [Fact]
    public async Task TheSaveBarSavesTheChangedSectionsAndSaysSoInIt()
    {
        var page = Open(assigned);

        await Input(Card(page, Functions), 2).InputAsync(new ChangeEventArgs { Value = "Recursion made simple" });

        Assert.Contains("21 / 250", Card(page, Functions).TextContent);
        Assert.Contains($"Unsaved changes in {Functions}.", SaveBar(page).TextContent);
        await SaveBar(page).QuerySelector("button")!.ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains($"Saved 2 highlight(s) of {Functions}.", SaveBar(page).QuerySelector("[role='status']")!.TextContent));
        Assert.Contains("No unsaved changes.", SaveBar(page).TextContent);
        var course = await context.Get<HighlightsService>().CourseAsync(assigned, PortalServices.Admin);
        Assert.Equal(["Writing your first function", "Recursion made simple"], course!.Sections.Single(s => s.Title == Functions).Highlights);
    }

    [Fact]
    public async Task ATooLongHighlightIsFlaggedUnderItsFieldAndRefusedInTheSaveBar()
    {
        var page = Open(assigned);

        await Input(Card(page, Functions), 2).InputAsync(new ChangeEventArgs { Value = new string('x', 260) });

        Assert.Contains("At most 250 characters", Card(page, Functions).TextContent);
        await SaveBar(page).QuerySelector("button")!.ClickAsync(new());
        page.WaitForAssertion(() => Assert.StartsWith($"{Functions}: ", SaveBar(page).QuerySelector("[role='alert']")!.TextContent.Trim()));
        var course = await context.Get<HighlightsService>().CourseAsync(assigned, PortalServices.Admin);
        Assert.Equal(["Writing your first function"], course!.Sections.Single(s => s.Title == Functions).Highlights);
    }

    [Fact]
    public async Task ThePreviewShowsTheWeeksEmailInItsCard()
    {
        var page = Open(assigned);

        await Card(page, Functions).QuerySelector($"button[aria-label='Preview email: {Functions}']")!.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Week 2:", Card(page, Functions).QuerySelector("[role='status']")!.TextContent));
        Assert.NotNull(Card(page, Functions).QuerySelector($"iframe[title='Weekly email of {Functions}']"));
    }

    [Fact]
    public void AnotherCourseIsRefused()
    {
        var page = Open(other);

        Assert.Equal("Not your course", page.Find("h1").TextContent);
        Assert.Contains("This course is not assigned to you", page.Find(".mud-alert").TextContent);
        Assert.Empty(page.FindAll(".portal-section-card"));
    }
}
