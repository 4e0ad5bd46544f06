using AdminPortal.Domain.Integration;
using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.ApiKeys;

public sealed record ApiKeySummary(
    int Id, string Name, ApiScope Scope, string Hint, string CreatedBy, DateTime CreatedUtc, DateTime? LastUsedUtc, DateTime? RevokedUtc);

/// <summary>The key as created: the secret is in no other place and is shown once.</summary>
public sealed record NewApiKey(ApiKeySummary Key, string Secret);

public sealed class ApiKeyService(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, ILogger<ApiKeyService> logger)
{
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedUtc != null).ThenBy(k => k.Name).ToListAsync(cancellationToken);
        return keys.Select(ToSummary).ToList();
    }

    public async Task<ServiceResult<NewApiKey>> CreateAsync(string name, ApiScope scope, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            return new ServiceError(ErrorKind.Invalid, "name", "Name the key (1 to 100 characters), such as the system that will use it.");
        }
        if (!Enum.IsDefined(scope))
        {
            return new ServiceError(ErrorKind.Invalid, "scope", "Choose a scope: enrollments, courses or support.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedUtc == null, cancellationToken))
        {
            return new ServiceError(ErrorKind.Conflict, "name", $"An active key is already named {name}: choose another name or revoke it first.");
        }
        var (key, secret) = ApiKey.Create(name, scope, actor.Name, clock.GetUtcNow().UtcDateTime);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} created API key {Name} ({Hint}…) with scope {Scope}", actor.Name, key.Name, key.Hint, scope);
        return new NewApiKey(ToSummary(key), secret);
    }

    public async Task<ServiceResult<ApiKeySummary>> RevokeAsync(int id, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return new ServiceError(ErrorKind.NotFound, "id", "This key no longer exists: reload the list.");
        }
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} revoked API key {Name} ({Hint}…)", actor.Name, key.Name, key.Hint);
        return ToSummary(key);
    }

    private static ApiKeySummary ToSummary(ApiKey k) =>
        new(k.Id, k.Name, k.Scope, k.Hint, k.CreatedBy, k.CreatedUtc, k.LastUsedUtc, k.RevokedUtc);
}
