using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Accounts;

/// <summary>
/// Creates the four roles; the demo accounts where configured (in Development only, since their passwords are
/// public); and the set-up code while no superuser exists.
/// </summary>
public sealed class AccountsStartupStep(
    IServiceScopeFactory scopes,
    AccountService accounts,
    FirstRunSetup firstRun,
    IOptions<DemoOptions> demo,
    IHostEnvironment environment,
    ILogger<AccountsStartupStep> logger) : IStartupStep
{
    public StartupStage Stage => StartupStage.Accounts;

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
        if (demo.Value.SeedAccounts)
        {
            if (environment.IsDevelopment())
            {
                await SeedDemoAccountsAsync(cancellationToken);
            }
            else
            {
                logger.LogWarning("Demo:SeedAccounts is on but the environment is {Environment}: demo accounts are created in Development only",
                    environment.EnvironmentName);
            }
        }
        await firstRun.PrepareAsync(cancellationToken);
    }

    private async Task SeedDemoAccountsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
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
