using AdminPortal.Data;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class CatalogSyncPageTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task ASuperuserSetsTheCatalogSyncsAndSeesTheNewMarketingUrlOnTheCoursePage()
    {
        (int Id, string Key) course;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            course = await db.Courses.IgnoreAutoIncludes().OrderBy(c => c.Id).Select(c => ValueTuple.Create(c.Id, c.Key)).FirstAsync();
        }
        var newUrl = $"https://www.example.org/learn/{Guid.NewGuid():N}";
        await using var catalog = await CatalogServer.StartAsync();
        catalog.Pages.Add([CatalogServer.Run(course.Key, newUrl), CatalogServer.Run("course-v1:Elsewhere+X+1")]);
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, "/sync/catalog");

        await page.GetByLabel("Catalog API base URL").FillAsync(catalog.BaseUrl);
        await page.GetByLabel("Sync enabled").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mud-snackbar-container")).ToContainTextAsync("Saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();

        var syncs = page.GetByLabel("Recent syncs", new() { Exact = true }).GetByRole(AriaRole.Table);
        await Assertions.Expect(syncs.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("succeeded", new() { Timeout = 30_000 });
        await Assertions.Expect(syncs.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell)).ToHaveTextAsync(
            [new Regex("."), new("^succeeded$"), new("^1$"), new("^2$"), new("^1$"), new("^1$"), new("^1$"), new(@"^\d+\.\d s$")]);

        await page.OpenAsync($"/courses/{course.Id}");
        await Assertions.Expect(page.GetByText(newUrl).First).ToBeVisibleAsync();
    }
}
