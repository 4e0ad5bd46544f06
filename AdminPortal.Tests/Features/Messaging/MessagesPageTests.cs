using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Messaging;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Messaging;

public sealed class MessagesPageTests : IAsyncLifetime
{
    private PageContext context = default!;

    public async Task InitializeAsync()
    {
        context = await PageContext.StartAsync(PortalRoles.Staff);
        await MessagingWorld.SeedAsync(context.Portal, 30);
        await MessagingWorld.RunAsync(context.Portal);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task ListsTheMessagesAPageAtATimeNamedAsPeopleSayThem()
    {
        var page = context.Render<MessagesPage>();

        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[aria-label='Messages'] tbody tr").Count));
        Assert.Contains("1-25 of 30", page.Find(".mud-table-pagination").TextContent);
        Assert.Equal("Course update, week 1", page.Find("[aria-label='Messages'] tbody tr td:nth-child(2)").TextContent.Trim());
        Assert.StartsWith("Sent", page.Find("[aria-label='Messages'] tbody tr td:nth-child(5)").TextContent.Trim());
        await using var db = await context.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var ids = await db.OutboxMessages.Select(m => m.Id).ToListAsync();
        Assert.All(page.FindAll("[aria-label='Messages'] tbody tr a"), a => Assert.Contains(a.GetAttribute("href"), ids.Select(id => $"messaging/messages/{id}")));
    }

    [Fact]
    public async Task TheLearnerSearchRunsAsYouTypeAndLivesInTheAddress()
    {
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        var page = context.Render<MessagesPage>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[aria-label='Messages'] tbody tr").Count));

        await page.Find(".portal-search input").InputAsync(new ChangeEventArgs { Value = "learner2" });

        page.WaitForAssertion(() => Assert.EndsWith("?q=learner2", navigation.Uri));
        page.WaitForAssertion(() => Assert.Equal(11, page.FindAll("[aria-label='Messages'] tbody tr").Count)); // learner2, learner20 to 29
        Assert.All(page.FindAll("[aria-label='Messages'] tbody tr td:nth-child(3)"), td => Assert.StartsWith("learner2", td.TextContent.Trim()));
    }

    [Theory]
    [InlineData("?q=learner29&message=courseupdate", 1)]
    [InlineData("?message=upgradereminder", 0)]
    [InlineData("?day=2001-01-01", 0)]
    public void AnAddressWithFiltersOpensFiltered(string query, int rows)
    {
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo($"/messaging/messages{query}");

        var page = context.Render<MessagesPage>();

        if (rows == 0)
        {
            page.WaitForAssertion(() => Assert.Contains("No message matches these filters.", page.Markup));
        }
        else
        {
            page.WaitForAssertion(() => Assert.Equal(rows, page.FindAll("[aria-label='Messages'] tbody tr").Count));
            Assert.Equal("learner29", page.Find(".portal-search input").GetAttribute("value"));
        }
    }
}
