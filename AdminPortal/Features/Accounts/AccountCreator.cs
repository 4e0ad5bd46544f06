using FluentValidation;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Accounts;

/// <summary>Creates an account and its roles in one transaction: either both are written or nothing is.</summary>
public sealed class AccountCreator(
    IServiceScopeFactory scopes,
    IValidator<NewAccountRequest> validator,
    TimeProvider clock,
    ILogger<AccountCreator> logger)
{
    /// <param name="refuse">
    /// Checked inside the transaction, which is serializable (SQLite's write lock; on a server, a transaction the database
    /// fails when another changed the answer before this one wrote, and which is then tried once more), so no other
    /// process can change the answer before the account is written; returns why the creation is refused, or null.
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
        try
        {
            return await WriteAsync(request, actor, refuse, cancellationToken);
        }
        catch (Exception e) when (refuse is not null && DatabaseErrors.IsBusy(e))
        {
            // A concurrent creation changed what the check read: the second look sees it and refuses.
            return await WriteAsync(request, actor, refuse, cancellationToken);
        }
    }

    private async Task<AccountResult> WriteAsync(
        NewAccountRequest request, PortalActor actor, Func<PortalDbContext, CancellationToken, Task<string?>>? refuse, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(
            refuse is null ? System.Data.IsolationLevel.Unspecified : System.Data.IsolationLevel.Serializable, cancellationToken);
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
