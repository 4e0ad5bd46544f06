using AdminPortal.Domain.Accounts;
using AdminPortal.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Accounts;

/// <summary>Creates the four roles, and the demo accounts where configured (never in Production).</summary>
public sealed class AccountsStartupStep(
    IServiceScopeFactory scopes,
    AccountService accounts,
    IOptions<DemoOptions> demo,
    IHostEnvironment environment,
    ILogger<AccountsStartupStep> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in PortalRoles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }
        }
        if (!demo.Value.SeedAccounts)
        {
            return;
        }
        if (environment.IsProduction())
        {
            logger.LogWarning("Demo:SeedAccounts is on but the environment is Production: no demo account was created");
            return;
        }
        await SeedDemoAccountsAsync(scopes, cancellationToken);
    }

    private async Task SeedDemoAccountsAsync(IServiceScopeFactory scopeFactory, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        foreach (var account in demo.Value.Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }
            var request = new NewAccountRequest
            {
                Email = account.Email, DisplayName = account.DisplayName, Roles = [account.Role], Password = account.Password,
            };
            var result = await accounts.CreateAsync(request, PortalActor.System("demo seeding"), cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email} could not be created: {result}");
            }
        }
    }
}
