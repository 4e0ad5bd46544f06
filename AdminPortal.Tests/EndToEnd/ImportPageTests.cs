using AdminPortal.Data;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class ImportPageTests(PortalBrowserFixture portal)
{
    private async Task<IPage> OpenAsync()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, "/admin/import");
        return page;
    }

    private async Task<int> LearnersNamedAsync(string prefix)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Learners.CountAsync(l => l.Username.StartsWith(prefix));
    }

    [Fact]
    public async Task AGoodFileIsImportedAndCounted()
    {
        var prefix = "e2e" + Guid.NewGuid().ToString("N")[..6];
        var path = TestData.WriteCsv(Path.GetTempPath(), $"{prefix}.csv", "username,email,name,active,staff,superuser,joined,last_login,language",
            $"{prefix}a,{prefix}a@example.org,First,true,false,false,2025-09-01,,en",
            $"{prefix}b,{prefix}b@example.org,Second,true,false,false,2025-09-01,,en");
        var page = await OpenAsync();

        await page.ChooseAsync("What the file holds", "Learners");
        await page.GetByLabel("CSV file").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Status)).ToContainTextAsync("2 rows: 2 added, 0 updated, 0 unchanged");
        Assert.Equal(2, await LearnersNamedAsync(prefix));
    }
}
