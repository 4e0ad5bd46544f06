using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Accounts;

[RunsOnPostgreSql]
public sealed class AccountServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private AccountService accounts = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        accounts = portal.Get<AccountService>();
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private static NewAccountRequest Request(string email, string password = "Secret#2026x", params string[] roles) => new()
    {
        Email = email, DisplayName = "Someone", Roles = roles.Length == 0 ? [PortalRoles.Staff] : [.. roles], Password = password,
    };

    private async Task<int> CountUsersAsync()
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Users.CountAsync();
    }

    [Fact]
    public async Task TheSearchMatchesEmailOrNameAndPagesInSqlWithThePagesRolesOnly()
    {
        for (var i = 0; i < 5; i++)
        {
            var request = Request($"person{i}@example.org", roles: i == 3 ? PortalRoles.Support : PortalRoles.Staff);
            request.DisplayName = i == 4 ? "Ada Lovelace" : $"Person {i}";
            Assert.True((await accounts.CreateAsync(request, PortalServices.Admin)).Succeeded);
        }

        var byEmail = await accounts.SearchAsync("PERSON", new PageRequest(2, 2, nameof(AccountSummary.Email), Descending: true), PortalServices.Admin);
        var byName = await accounts.SearchAsync("lovelace", new PageRequest(0, 10), PortalServices.Admin);
        var none = await accounts.SearchAsync("50%_", new PageRequest(0, 10), PortalServices.Admin);

        Assert.Equal(5, byEmail.Total);
        Assert.Equal(["person2@example.org", "person1@example.org"], byEmail.Items.Select(a => a.Email));
        Assert.Equal(["person4@example.org"], byName.Items.Select(a => a.Email));
        Assert.Equal((0, 0), (none.Total, none.Items.Count));
        var support = await accounts.SearchAsync("person3", new PageRequest(0, 10), PortalServices.Admin);
        Assert.Equal([PortalRoles.Support], Assert.Single(support.Items).Roles);
    }

    [Fact]
    public async Task ACreatedAccountIsListedWithItsRoles()
    {
        var result = await accounts.CreateAsync(Request("ada@example.org", roles: [PortalRoles.Support, PortalRoles.CourseAuthor]), PortalServices.Admin);

        Assert.True(result.Succeeded, result.ToString());
        var listed = Assert.Single(await accounts.ListAsync(PortalServices.Admin));
        Assert.Equal(("ada@example.org", AccountStatus.Active), (listed.Email, listed.Status));
        Assert.Equal([PortalRoles.CourseAuthor, PortalRoles.Support], listed.Roles);
    }

    [Fact]
    public async Task ADuplicateEmailIsRefusedOnTheEmailField()
    {
        await portal.CreateAccountAsync("ada@example.org", PortalRoles.Staff);

        var result = await accounts.CreateAsync(Request("ADA@example.org"), PortalServices.Admin);

        Assert.Equal([new FieldError("Email", "An account with the email ADA@example.org already exists.")], result.Errors);
        Assert.Equal(1, await CountUsersAsync());
    }

    [Fact]
    public async Task AWeakPasswordWritesNothing()
    {
        var result = await accounts.CreateAsync(Request("ada@example.org", password: "short"), PortalServices.Admin);

        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.Equal("Password", e.Field));
        Assert.Contains(result.Errors, e => e.Message.Contains("at least 10 characters"));
        Assert.Equal(0, await CountUsersAsync());
    }

    [Fact]
    public async Task OnlyASuperuserMayManageAccounts()
    {
        var staff = new PortalActor("x", "Stella", [PortalRoles.Staff]);

        await Assert.ThrowsAsync<PortalForbiddenException>(() => accounts.ListAsync(staff));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => accounts.CreateAsync(Request("ada@example.org"), staff));
        Assert.Equal(0, await CountUsersAsync());
    }

    [Fact]
    public async Task TheLastSuperuserKeepsTheRole()
    {
        var id = await portal.CreateAccountAsync("root@example.org", PortalRoles.Superuser);

        var result = await accounts.SetRolesAsync(id, new RolesRequest { Roles = [PortalRoles.Staff] }, PortalServices.Admin);

        Assert.Equal("At least one active superuser must remain: make another account a superuser first.", result.ToString());
        Assert.Equal([PortalRoles.Superuser], (await accounts.ListAsync(PortalServices.Admin)).Single().Roles);
    }

    [Fact]
    public async Task RolesAreReplacedWhenAnotherSuperuserRemains()
    {
        await portal.CreateAccountAsync("root@example.org", PortalRoles.Superuser);
        var id = await portal.CreateAccountAsync("second@example.org", PortalRoles.Superuser);

        var result = await accounts.SetRolesAsync(id, new RolesRequest { Roles = [PortalRoles.Support] }, PortalServices.Admin);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal([PortalRoles.Support], (await accounts.ListAsync(PortalServices.Admin)).Single(a => a.Id == id).Roles);
    }

    [Fact]
    public async Task ADisabledAccountIsEnabledAgain()
    {
        var id = await portal.CreateAccountAsync("ada@example.org", PortalRoles.Staff);

        Assert.True((await accounts.DisableAsync(id, PortalServices.Admin)).Succeeded);
        Assert.Equal(AccountStatus.Disabled, (await accounts.ListAsync(PortalServices.Admin)).Single().Status);
        Assert.True((await accounts.ReactivateAsync(id, PortalServices.Admin)).Succeeded);
        Assert.Equal(AccountStatus.Active, (await accounts.ListAsync(PortalServices.Admin)).Single().Status);
    }

    [Fact]
    public async Task ASetPasswordMustFollowThePolicy()
    {
        var id = await portal.CreateAccountAsync("ada@example.org", PortalRoles.Staff);

        var weak = await accounts.SetPasswordAsync(id, new PasswordRequest { Password = "weak", ConfirmPassword = "weak" }, PortalServices.Admin);
        var strong = await accounts.SetPasswordAsync(id, new PasswordRequest { Password = "Better#2026", ConfirmPassword = "Better#2026" }, PortalServices.Admin);

        Assert.Contains(weak.Errors, e => e.Field == "Password");
        Assert.True(strong.Succeeded, strong.ToString());
    }

    [Fact]
    public async Task EveryAccountCommandRefusesAnyoneButASuperuser()
    {
        var id = await portal.CreateAccountAsync("ada@example.org", PortalRoles.Staff);
        var password = new PasswordRequest { Password = "Better#2026", ConfirmPassword = "Better#2026" };

        foreach (var role in new[] { PortalRoles.Staff, PortalRoles.Support, PortalRoles.CourseAuthor })
        {
            var actor = new PortalActor("x", "someone", [role]);
            await Assert.ThrowsAsync<PortalForbiddenException>(() => accounts.SetRolesAsync(id, new RolesRequest { Roles = [PortalRoles.Superuser] }, actor));
            await Assert.ThrowsAsync<PortalForbiddenException>(() => accounts.DisableAsync(id, actor));
            await Assert.ThrowsAsync<PortalForbiddenException>(() => accounts.ReactivateAsync(id, actor));
            await Assert.ThrowsAsync<PortalForbiddenException>(() => accounts.SetPasswordAsync(id, password, actor));
        }
        var unchanged = Assert.Single(await accounts.ListAsync(PortalServices.Admin));
        Assert.Equal([PortalRoles.Staff], unchanged.Roles);
        Assert.Equal(AccountStatus.Active, unchanged.Status);
    }
}
