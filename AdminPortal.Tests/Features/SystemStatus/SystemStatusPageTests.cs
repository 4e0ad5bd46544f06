using AdminPortal.Domain.Accounts;
using AdminPortal.Features.SystemStatus;
using AdminPortal.Tests.Support;
using Bunit;

namespace AdminPortal.Tests.Features.SystemStatus;

public sealed class SystemStatusPageTests
{
    [Fact]
    public async Task StaffSeesTheChecksButNeverTheDatabaseFilesPath()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);

        var page = context.Render<SystemStatusPage>();

        page.WaitForAssertion(() => Assert.Contains("Overall: Healthy", page.Markup));
        Assert.Equal("database", page.Find("[aria-label='Health checks'] tbody tr td").TextContent.Trim());
        Assert.DoesNotContain(context.Portal.DatabaseFile, page.Markup);
        Assert.DoesNotContain(Path.GetDirectoryName(context.Portal.DatabaseFile)!, page.Markup);
        Assert.Contains("shown to superusers", page.Markup);
        Assert.Contains("single node: SQLite's job store is not clustered", page.Markup);
    }

    [Fact]
    public async Task ASuperuserSeesTheDatabaseFilesPath()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);

        var page = context.Render<SystemStatusPage>();

        page.WaitForAssertion(() => Assert.Contains(context.Portal.DatabaseFile, page.Markup));
    }

    [Fact]
    public async Task CheckAgainChecksAgain()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        var page = context.Render<SystemStatusPage>();
        page.WaitForAssertion(() => Assert.Contains("Overall: Healthy", page.Markup));

        await page.Find("button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Check again", page.Find("button").TextContent));
        Assert.Contains("Overall: Healthy", page.Markup);
    }
}
