using FluentValidation;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Accounts;

/// <summary>
/// Portal accounts for the Accounts page and the CLI. Every command checks the actor's role and runs in its own
/// scope, so a long-lived circuit never holds a DbContext.
/// </summary>
public sealed class AccountService(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> contexts,
    AccountCreator creator,
    IValidator<RolesRequest> rolesValidator,
    IValidator<PasswordRequest> passwordValidator,
    FirstRunSetup firstRun,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    private static readonly IReadOnlyDictionary<string, Func<IQueryable<PortalUser>, bool, IOrderedQueryable<PortalUser>>> Sorts =
        new Dictionary<string, Func<IQueryable<PortalUser>, bool, IOrderedQueryable<PortalUser>>>
        {
            [nameof(AccountSummary.Email)] = PagingExtensions.By<PortalUser, string?>(u => u.NormalizedEmail),
            [nameof(AccountSummary.DisplayName)] = PagingExtensions.By<PortalUser, string>(u => u.DisplayName),
            [nameof(AccountSummary.LastSignInAtUtc)] = PagingExtensions.By<PortalUser, DateTimeOffset?>(u => u.LastSignInAtUtc),
        };

    /// <summary>A page of accounts whose email or name contains <paramref name="search"/>, with the roles of that page only.</summary>
    public async Task<Page<AccountSummary>> SearchAsync(string? search, PageRequest page, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = LikePattern.Containing(search.Trim());
            query = query.Where(u => EF.Functions.Like(u.Email!, pattern, LikePattern.Escape) || EF.Functions.Like(u.DisplayName, pattern, LikePattern.Escape));
        }
        var total = await query.CountAsync(cancellationToken);
        var users = await query.SortAndPage(page, Sorts).ToListAsync(cancellationToken);
        var roles = await AccountQueries.RolesOfAsync(db, users.Select(u => u.Id).ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        return new Page<AccountSummary>(users.Select(u => new AccountSummary(
            u.Id, u.Email ?? "", u.DisplayName, roles.GetValueOrDefault(u.Id, []),
            u.IsDisabled ? AccountStatus.Disabled : u.LockoutEnd > now ? AccountStatus.Locked : AccountStatus.Active,
            u.LockoutEnd, u.CreatedAtUtc, u.LastSignInAtUtc)).ToList(), total);
    }

    public async Task<AccountResult> CreateAsync(NewAccountRequest request, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var result = await creator.CreateAsync(request, actor, cancellationToken);
        if (result.Succeeded && request.Roles.Contains(PortalRoles.Superuser))
        {
            firstRun.SuperuserExists();
        }
        return result;
    }

    public Task<AccountResult> SetRolesAsync(string userId, RolesRequest request, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var validation = rolesValidator.Validate(request);
        if (!validation.IsValid)
        {
            return Task.FromResult(validation.ToAccountResult());
        }
        return ChangeAsync(userId, new AccountChange.SetRoles(request.Roles), actor, cancellationToken, async (users, user, current) =>
        {
            var removed = await users.RemoveFromRolesAsync(user, current.Except(request.Roles));
            if (!removed.Succeeded)
            {
                return removed;
            }
            var added = await users.AddToRolesAsync(user, request.Roles.Except(current));
            // A new stamp makes the person's open sessions pick up the new roles at the next check.
            return added.Succeeded ? await users.UpdateSecurityStampAsync(user) : added;
        });
    }

    public Task<AccountResult> DisableAsync(string userId, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        return ChangeAsync(userId, new AccountChange.Disable(), actor, cancellationToken, async (users, user, _) =>
        {
            var locked = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            return locked.Succeeded ? await users.UpdateSecurityStampAsync(user) : locked;
        });
    }

    /// <summary>Enables a disabled account or unlocks one locked after failed sign-ins.</summary>
    public Task<AccountResult> ReactivateAsync(string userId, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        return ChangeAsync(userId, new AccountChange.Enable(), actor, cancellationToken, async (users, user, _) =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            return unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(user) : unlocked;
        });
    }

    public Task<AccountResult> SetPasswordAsync(string userId, PasswordRequest request, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var validation = passwordValidator.Validate(request);
        if (!validation.IsValid)
        {
            return Task.FromResult(validation.ToAccountResult());
        }
        return ChangeAsync(userId, change: null, actor, cancellationToken, async (users, user, _) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            return await users.ResetPasswordAsync(user, token, request.Password);
        });
    }

    private async Task<AccountResult> ChangeAsync(
        string userId,
        AccountChange? change,
        PortalActor actor,
        CancellationToken cancellationToken,
        Func<UserManager<PortalUser>, PortalUser, IList<string>, Task<IdentityResult>> apply)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("", "This account no longer exists: reload the list.");
        }
        var roles = await users.GetRolesAsync(user);
        if (change is not null)
        {
            var target = new AccountState(user.Id, roles.ToList(), user.IsDisabled);
            var activeSuperusers = await AccountQueries.CountActiveSuperusersAsync(db, cancellationToken);
            if (AccountRules.RefuseChange(change, target, actor, activeSuperusers) is { } refusal)
            {
                return AccountResult.Fail("", refusal);
            }
        }
        var result = await apply(users, user, roles);
        if (!result.Succeeded)
        {
            return result.ToResult(user.Email ?? "");
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Actor} changed portal account {Email}: {Change}", actor.Name, user.Email, change?.ToString() ?? "password set");
        return AccountResult.Ok;
    }
}
