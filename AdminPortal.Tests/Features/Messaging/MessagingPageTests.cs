using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Messaging;
using AdminPortal.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Messaging;

public sealed class MessagingPageTests
{
    private static IElement Field(IRenderedComponent<PageHost> page, string label) =>
        page.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim() == label).QuerySelector("input")!;

    private static async Task<IRenderedComponent<PageHost>> PreviewAsync(PageContext context, string runDate)
    {
        var page = context.Render<MessagingPage>();
        await Field(page, "Run date").ChangeAsync(new ChangeEventArgs { Value = runDate });
        await Field(page, "Weeks (optional, 1 to 10)").ChangeAsync(new ChangeEventArgs { Value = "1" });
        await page.Button("Preview").ClickAsync(new());
        return page;
    }

    [Fact]
    public async Task ADryRunListsWhoWouldGetWhatInAPagedGridAndSaysWouldQueue()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);
        await MessagingWorld.SeedAsync(context.Portal, 30);

        var page = await PreviewAsync(context, MessagingWorld.WeekOne.ToString("yyyy-MM-dd"));

        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[aria-label='Who would get what'] tbody tr").Count), TimeSpan.FromSeconds(20));
        Assert.Contains("1-25 of 30", page.Find("[aria-label='Who would get what'] .mud-table-pagination").TextContent);
        Assert.Contains("mud-table-container", page.Find("[aria-label='Who would get what']").InnerHtml); // scrolls inside, never wider than the page
        Assert.Equal("Course update, week 1", page.Find("[aria-label='Who would get what'] tbody tr td:nth-child(2)").TextContent.Trim());
        var summary = page.Find("section[aria-labelledby='run-heading'] div[role='status']").TextContent;
        Assert.Contains("Dry run: learn.example.org, Course update 2026-03-09: 30 candidates, would queue 30", summary);
        Assert.DoesNotContain("queued", summary);
        await using var db = await context.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task AClearedRunDateIsRefusedWithTheRulesMessage()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);

        var page = await PreviewAsync(context, "");

        page.WaitForAssertion(() => Assert.Contains("Run date is required: a date such as 2026-12-01 (yyyy-MM-dd).", page.Find(".mud-alert").TextContent));
        Assert.Empty(page.FindAll("[aria-label='Who would get what']"));
    }

    [Fact]
    public async Task RecentRunsSayCandidatesNameKindsAsPeopleSayThemAndExplainTheSkips()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        await MessagingWorld.SeedAsync(context.Portal, 3);
        await MessagingWorld.RunAsync(context.Portal);

        var page = context.Render<MessagingPage>();

        // The run's row, not the grid's one-cell row that stands in while the runs load.
        page.WaitForAssertion(() => Assert.Contains("Course update", Assert.Single(page.FindAll("[aria-label='Recent runs'] tbody tr td:nth-child(3)")).TextContent));
        Assert.Single(page.FindAll("[aria-label='Recent runs'] tbody tr"));
        var headers = page.FindAll("[aria-label='Recent runs'] th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("Candidates", headers);
        Assert.DoesNotContain("Resolved", page.Markup);
        Assert.DoesNotContain("CourseUpdate", page.Markup);
        Assert.Contains(MessageRunText.Suppressed, page.Find("#suppressed-hint").TextContent);
        Assert.Contains(MessageRunText.NoHighlights, page.Find("#no-highlights-hint").TextContent);
        Assert.NotNull(page.Find("[aria-describedby='suppressed-hint']"));
    }

    [Fact]
    public async Task StaffSeeNeitherTheRunFormNorTheServersFolder()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        var folder = context.Get<MessagingRunner>().Channel;
        Assert.StartsWith("files in /", folder);

        var page = context.Render<MessagingPage>();

        page.WaitForAssertion(() => Assert.Contains("No run yet.", page.Markup));
        Assert.DoesNotContain(folder["files in ".Length..], page.Markup);
        Assert.Contains("files in the server's pickup folder", page.Markup);
        Assert.Empty(page.FindAll("section[aria-labelledby='run-heading']"));
    }

    [Fact]
    public async Task SuperusersSeeWhereTheFilesGo()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);

        var page = context.Render<MessagingPage>();

        page.WaitForAssertion(() => Assert.Contains(context.Get<MessagingRunner>().Channel, page.Find(".portal-hint strong").TextContent));
    }
}
