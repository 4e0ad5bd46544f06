using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Learners;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Learners;

public sealed class LearnersPageTests : IAsyncLifetime
{
    private PageContext context = default!;

    public async Task InitializeAsync()
    {
        context = await PageContext.StartAsync(PortalRoles.Staff);
        await context.Get<DemoDataSeeder>().SeedAsync(60, 7, PortalServices.Admin);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task ListsLearnersAPageAtATimeWithLinksToEach()
    {
        var page = context.Render<LearnersPage>();

        page.WaitForAssertion(() => Assert.Equal(20, page.FindAll("tbody tr").Count));
        var first = (await context.Get<LearnerBrowser>().SearchAsync(null, new PageRequest(0, 1), PortalServices.Admin)).Items.Single();
        Assert.Equal($"learners/{first.Id}", page.Find("tbody tr a").GetAttribute("href"));
        Assert.Contains("1-20 of 60", page.Find(".mud-table-pagination").TextContent);
    }

    [Fact]
    public async Task AnAddressWithPageSizeAndSortOpensThere()
    {
        var expected = await context.Get<LearnerBrowser>().SearchAsync(null, new PageRequest(50, 50, nameof(LearnerRow.Email), true), PortalServices.Admin);
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/learners?page=2&size=50&sort=Email&desc=true");

        var page = context.Render<LearnersPage>();

        page.WaitForAssertion(() => Assert.Equal(expected.Items.Select(l => $"learners/{l.Id}"), page.FindAll("tbody tr a").Select(a => a.GetAttribute("href"))));
        Assert.Contains("51-60 of 60", page.Find(".mud-table-pagination").TextContent);
    }

    [Fact]
    public async Task TheSearchFiltersAndLivesInTheAddress()
    {
        var someone = (await context.Get<LearnerBrowser>().SearchAsync(null, new PageRequest(0, 1), PortalServices.Admin)).Items.Single();
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        var page = context.Render<LearnersPage>();

        await page.Find("input").InputAsync(new ChangeEventArgs { Value = someone.Username });

        page.WaitForAssertion(() => Assert.EndsWith($"?q={Uri.EscapeDataString(someone.Username)}", navigation.Uri));
        page.WaitForAssertion(() => Assert.Equal(someone.Username, page.Find("tbody tr a").TextContent));
        Assert.All(page.FindAll("tbody tr a"), a => Assert.StartsWith(someone.Username, a.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AnAddressWithASearchOpensFilteredAndSaysWhenNothingMatches()
    {
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/learners?q=zzz-nobody");

        var page = context.Render<LearnersPage>();

        page.WaitForAssertion(() => Assert.Contains("No learner matches.", page.Markup));
        Assert.Equal("zzz-nobody", page.Find("input").GetAttribute("value"));
    }
}
