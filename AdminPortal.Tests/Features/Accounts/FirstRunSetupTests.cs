using System.Net;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Accounts;

/// <summary>A Production portal on an empty database: no account, so the one-time set-up page leads.</summary>
[RunsOnPostgreSql]
public sealed class FirstRunSetupTests : IDisposable
{
    private readonly PortalWebFactory portal = new();

    public void Dispose() => portal.Dispose();

    private Dictionary<string, string> Superuser(string email) => new()
    {
        ["Input.SetupCode"] = SetupCode(),
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "First Admin",
        ["Input.Password"] = "First#admin2026",
    };

    /// <summary>Read as an operator would, from the file the started portal wrote beside its database.</summary>
    private string SetupCode()
    {
        _ = portal.Services; // starts the portal
        return File.ReadAllText(Path.Combine(portal.Directory.Path, FirstRunSetup.CodeFileName));
    }

    private Task<IReadOnlyList<AccountSummary>> AccountsAsync() =>
        portal.Services.GetRequiredService<AccountService>().ListAsync(PortalActor.System("test"));

    [Fact]
    public async Task ProductionSeedsNoAccountAndEveryPageLeadsToSetUp()
    {
        var client = portal.CreateBrowserlikeClient();

        var home = await client.GetAsync("/");
        var login = await client.GetAsync("/account/login");

        Assert.Empty(await AccountsAsync());
        Assert.Equal("/setup", home.RedirectTarget());
        Assert.Equal("/setup", login.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task SetUpCreatesTheFirstSuperuserSignsInAndThenDisappears()
    {
        var client = portal.CreateBrowserlikeClient();

        var created = await client.PostFormAsync("/setup", "setup", Superuser("first@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/", created.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/accounts")).StatusCode);
        var account = Assert.Single(await AccountsAsync());
        Assert.Equal([PortalRoles.Superuser], account.Roles);

        var again = await portal.CreateBrowserlikeClient().GetAsync("/setup");
        Assert.Equal("/account/login", again.RedirectTarget());
    }

    [Fact]
    public async Task SetUpRefusesAWrongCode()
    {
        var form = Superuser("first@example.org");
        form["Input.SetupCode"] = "AAAA-BBBB-CCCC";

        var response = await portal.CreateBrowserlikeClient().PostFormAsync("/setup", "setup", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This is not the set-up code", await response.Content.ReadAsStringAsync());
        Assert.Empty(await AccountsAsync());
    }

    [Fact]
    public async Task SetUpShowsWhatIsWrongAndCreatesNothing()
    {
        var form = Superuser("not-an-email");
        form["Input.Password"] = "short";

        var response = await portal.CreateBrowserlikeClient().PostFormAsync("/setup", "setup", form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a valid email address, such as name@example.org.", html);
        Assert.Empty(await AccountsAsync());
    }
}
