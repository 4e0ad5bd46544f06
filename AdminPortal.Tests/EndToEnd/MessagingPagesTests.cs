using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Messaging;
using AdminPortal.Tests.Support;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class MessagingPagesTests(PortalBrowserFixture portal)
{
    // Each site's result shows when the whole run has ended: seconds for the demo data, more on a busy machine.
    private static readonly LocatorAssertionsToContainTextOptions RunEnded = new() { Timeout = 60_000 };

    /// <summary>A run date on which the demo data has course updates to send, found by dry runs.</summary>
    private async Task<(DateOnly Date, IReadOnlyList<PreviewLine> Preview)> CourseUpdateDayAsync()
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var starts = await db.Schedules.Where(s => s.Experience == ScheduleExperience.CourseUpdates && s.IsActive)
            .GroupBy(s => s.StartUtc.Date).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(20).ToListAsync();
        foreach (var start in starts)
        {
            var date = DateOnly.FromDateTime(start).AddDays(7);
            var preview = await portal.Services.GetRequiredService<MessagingRunner>().RunAsync(
                new MessagingRequest(MessageKind.CourseUpdate, date, JobStart.Cli, DryRun: true, Weeks: 1), null, CancellationToken.None);
            if (preview.Preview.Count > 0)
            {
                return (date, preview.Preview);
            }
        }
        throw new InvalidOperationException("The demo data has no course update to send in week 1 of its busiest start days.");
    }

    [Fact]
    public async Task ASuperuserDryRunsThenRunsCourseUpdatesAndReadsTheEmail()
    {
        var (date, lines) = await CourseUpdateDayAsync();
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, "/messaging");
        var run = page.GetByRole(AriaRole.Region, new() { Name = "Run now" });

        // Course updates are the default message; a cleared date, the wording and the paged list are component tests.
        await run.GetByLabel("Run date").FillAsync(date.ToString("yyyy-MM-dd"));
        await run.GetByLabel("Run date").PressAsync("Tab");
        await run.GetByLabel("Weeks (optional, 1 to 10)").FillAsync("1");
        await run.GetByLabel("Weeks (optional, 1 to 10)").PressAsync("Tab");
        await run.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        var preview = page.GetByLabel("Who would get what", new() { Exact = true });
        await Assertions.Expect(preview).ToContainTextAsync("Welcome to week 1");
        await Assertions.Expect(run.GetByRole(AriaRole.Status).Last).ToContainTextAsync($"would queue {lines.Count(l => l.Site == lines[0].Site)}");
        var box = await preview.BoundingBoxAsync();
        Assert.True(box!.Width <= page.ViewportSize!.Width, $"the dry run's list is {box.Width} px wide in a {page.ViewportSize.Width} px page");

        await run.GetByText("Dry run: list who would get what, write and send nothing").ClickAsync();
        await run.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        foreach (var site in lines.GroupBy(l => l.Site))
        {
            await Assertions.Expect(run.GetByRole(AriaRole.Status).Last.Locator("p").Filter(new() { HasText = site.Key }))
                .ToContainTextAsync($"{site.Count()} queued (0 already), {site.Count()} sent", RunEnded);
        }
        await Assertions.Expect(page.Locator("div[aria-label='Recent runs']")).ToContainTextAsync(date.ToString("yyyy-MM-dd"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Browse the messages" }).ClickAsync();
        var grid = page.GetByLabel("Messages", new() { Exact = true });
        await grid.GetByRole(AriaRole.Link, new() { Name = "Welcome to week 1" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to week 1" }).WaitForAsync();
        var email = page.FrameLocator("iframe[title='The email as the learner sees it']");
        await Assertions.Expect(email.GetByText("This week you will cover:")).ToBeVisibleAsync();
        Assert.Empty(page.PolicyViolations()); // the run form, its live progress and the email's frame, under the policy
    }

    [Fact]
    public async Task ACourseAuthorEditsHighlightsPreviewsTheWeekAndCannotOpenAnotherCourse()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Author.Email, DemoAccounts.Author.Password, "/highlights");
        var mine = page.GetByRole(AriaRole.List, new() { Name = "Courses you may edit" }).GetByRole(AriaRole.Link);
        await Assertions.Expect(mine).ToHaveCountAsync(3);
        await mine.First.ClickAsync();
        await page.GetByText("Highlights enabled for messaging").WaitForAsync();
        // One card per section, labels without the section's name; the counter, the save bar and the refusals are component tests.
        var section = page.GetByRole(AriaRole.Region)
            .Filter(new() { Has = page.GetByRole(AriaRole.Textbox, new() { Name = "Highlight 1", Exact = true }) }).First;
        var title = (await section.GetByRole(AriaRole.Heading).TextContentAsync())!.Trim();

        await section.GetByLabel("Highlight 1", new() { Exact = true }).FillAsync("Recursion <b>made</b> simple");
        await Assertions.Expect(section.GetByText("28 / 250")).ToBeVisibleAsync();
        await section.GetByRole(AriaRole.Button, new() { Name = $"Preview email: {title}" }).ClickAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Status)).ToContainTextAsync("Week 1: \"Welcome to week 1\"");
        await Assertions.Expect(page.FrameLocator($"iframe[title='Weekly email of {title}']").GetByText("Recursion <b>made</b> simple")).ToBeVisibleAsync();
        var saveBar = page.GetByLabel("Save bar");
        await saveBar.GetByRole(AriaRole.Button, new() { Name = "Save the highlights" }).ClickAsync();
        await Assertions.Expect(saveBar.GetByRole(AriaRole.Status)).ToContainTextAsync($"of {title}");

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var notMine = await db.Courses.Where(c => !db.CourseAssignments.Any(a => a.CourseId == c.Id)).Select(c => c.Id).FirstAsync();
        await page.OpenAsync($"/highlights/{notMine}");
        await Assertions.Expect(page.Locator("main").GetByText("This course is not assigned to you")).ToBeVisibleAsync();
    }
}
