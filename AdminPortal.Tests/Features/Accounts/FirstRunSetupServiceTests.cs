using AdminPortal.Api;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Accounts;

/// <summary>The one-time set-up on a real database, without the web server.</summary>
[RunsOnPostgreSql]
public sealed class FirstRunSetupServiceTests : IAsyncLifetime
{
    private const string Client = "192.0.2.10";
    private PortalServices portal = default!;
    private FirstRunSetup setup = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        setup = portal.Get<FirstRunSetup>();
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private FirstSuperuserRequest Request(string email, string? code = null) => new()
    {
        SetupCode = code ?? File.ReadAllText(setup.CodeFile), Email = email, DisplayName = "First", Password = "First#admin2026",
    };

    [Fact]
    [SqliteOnly("the code goes beside the SQLite file")]
    public async Task WithoutASuperuserTheStartWritesAPrivateCodeFileBesideTheDatabase()
    {
        Assert.True(await setup.NeedsSetupAsync());
        Assert.Equal(Path.GetDirectoryName(portal.DatabaseFile), Path.GetDirectoryName(setup.CodeFile));
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", File.ReadAllText(setup.CodeFile).Trim());
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(setup.CodeFile));
        }
    }

    [Fact]
    public async Task TheRightCodeCreatesASuperuserAndRemovesTheCode()
    {
        var result = await setup.CreateFirstSuperuserAsync(Request("first@example.org", "  " + File.ReadAllText(setup.CodeFile).ToLowerInvariant()), Client);

        Assert.True(result.Succeeded, result.ToString());
        Assert.False(File.Exists(setup.CodeFile));
        Assert.False(await setup.NeedsSetupAsync());
        Assert.Equal([PortalRoles.Superuser], Assert.Single(await portal.Get<AccountService>().ListAsync(PortalServices.Admin)).Roles);
    }

    [Fact]
    public async Task AWrongCodeCreatesNothing()
    {
        var result = await setup.CreateFirstSuperuserAsync(Request("first@example.org", "AAAA-BBBB-CCCC"), Client);

        Assert.Equal([new FieldError("SetupCode", "This is not the set-up code: copy it from setup-code.txt beside the database file.")], result.Errors);
        Assert.Empty(await portal.Get<AccountService>().ListAsync(PortalServices.Admin));
        Assert.True(File.Exists(setup.CodeFile));
    }

    [Fact]
    public async Task OnlyOneFirstSuperuserIsCreatedWhenTwoRace()
    {
        var code = File.ReadAllText(setup.CodeFile);

        var results = await Task.WhenAll(
            Task.Run(() => setup.CreateFirstSuperuserAsync(Request("first@example.org", code), Client)),
            Task.Run(() => setup.CreateFirstSuperuserAsync(Request("second@example.org", code), Client)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(await portal.Get<AccountService>().ListAsync(PortalServices.Admin));
    }

    [Fact]
    public async Task ASuperuserMadeElsewhereEndsTheSetUp()
    {
        await portal.CreateAccountAsync("ops@example.org", PortalRoles.Superuser);

        Assert.False(await setup.NeedsSetupAsync());
        Assert.False(File.Exists(setup.CodeFile));
    }

    [Fact]
    public async Task TenWrongCodesInAMinuteBlockThatClientEvenWithTheRightCode()
    {
        for (var attempt = 0; attempt < SetupCodeAttempts.PerMinute; attempt++)
        {
            Assert.False((await setup.CreateFirstSuperuserAsync(Request("first@example.org", $"AAAA-BBBB-{attempt:0000}"), Client)).Succeeded);
        }

        var blocked = await setup.CreateFirstSuperuserAsync(Request("first@example.org"), Client);
        var otherClient = await setup.CreateFirstSuperuserAsync(Request("first@example.org"), "198.51.100.7");

        Assert.StartsWith("Too many wrong set-up codes from your address", Assert.Single(blocked.Errors).Message);
        Assert.True(otherClient.Succeeded);
    }
}
