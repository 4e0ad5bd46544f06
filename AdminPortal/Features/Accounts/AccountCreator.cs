using FluentValidation;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Features.Accounts;

/// <summary>Creates an account and its roles in one transaction: either both are written or nothing is.</summary>
public sealed class AccountCreator(
    IServiceScopeFactory scopes,
    IValidator<NewAccountRequest> validator,
    TimeProvider clock,
    ILogger<AccountCreator> logger)
{
    /// <param name="refuse">
    /// Checked inside the transaction, which holds SQLite's write lock, so no other process can change the answer
    /// before the account is written; returns why the creation is refused, or null.
    /// </param>
    public async Task<AccountResult> CreateAsync(
        NewAccountRequest request,
        PortalActor actor,
        CancellationToken cancellationToken,
        Func<PortalDbContext, CancellationToken, Task<string?>>? refuse = null)
    {
        request.Email = request.Email.Trim();
        request.DisplayName = request.DisplayName.Trim();
        var validation = validator.Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToAccountResult();
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (refuse is not null && await refuse(db, cancellationToken) is { } refusal)
        {
            return AccountResult.Fail("", refusal);
        }
        var user = new PortalUser
        {
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, request.Password);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, request.Roles.Distinct());
        }
        if (!created.Succeeded)
        {
            return created.ToResult(request.Email);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Actor} created portal account {Email} with roles {Roles}", actor.Name, user.Email, request.Roles);
        return AccountResult.Ok;
    }
}
