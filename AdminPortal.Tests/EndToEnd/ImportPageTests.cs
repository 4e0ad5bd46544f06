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
    public async Task AFileWithOneBadRowShowsTheLineAndWritesNothing()
    {
        var prefix = "e2e" + Guid.NewGuid().ToString("N")[..6];
        var path = TestData.WriteCsv(Path.GetTempPath(), $"{prefix}.csv", "username,email,name,active,staff,superuser,joined,last_login,language",
            $"{prefix}a,{prefix}a@example.org,First,true,false,false,2025-09-01,,en",
            $"{prefix}b,not-an-email,Second,true,false,false,2025-09-01,,en",
            $"{prefix}c,{prefix}c@example.org,Third,true,false,false,2025-09-01,,en");
        var page = await OpenAsync();

        await page.GetByLabel("What the file holds").SelectOptionAsync("Learners");
        await page.GetByLabel("CSV file").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await page.GetByText("nothing was imported: 1 error(s)").WaitForAsync();
        var errors = page.GetByLabel("Import errors");
        Assert.Contains("'not-an-email' is not an email address", await errors.TextContentAsync());
        Assert.Equal("3", (await errors.GetByRole(AriaRole.Gridcell).First.TextContentAsync())?.Trim());
        Assert.Equal(0, await LearnersNamedAsync(prefix));
    }

    [Fact]
    public async Task AGoodFileIsImportedAndCounted()
    {
        var prefix = "e2e" + Guid.NewGuid().ToString("N")[..6];
        var path = TestData.WriteCsv(Path.GetTempPath(), $"{prefix}.csv", "username,email,name,active,staff,superuser,joined,last_login,language",
            $"{prefix}a,{prefix}a@example.org,First,true,false,false,2025-09-01,,en",
            $"{prefix}b,{prefix}b@example.org,Second,true,false,false,2025-09-01,,en");
        var page = await OpenAsync();

        await page.GetByLabel("What the file holds").SelectOptionAsync("Learners");
        await page.GetByLabel("CSV file").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await page.GetByText("2 rows: 2 added, 0 updated, 0 unchanged").WaitForAsync();
        Assert.Equal(2, await LearnersNamedAsync(prefix));
    }
}
