using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Sync;
using AdminPortal.Features.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Sync;

/// <summary>The settings form: the token is write-only (set, keep or remove), never read back.</summary>
public sealed record CatalogSettingsRequest(string? BaseUrl, int PageSize, bool Enabled, string? NewToken, bool RemoveToken);

public sealed record CatalogSettingsView(string? BaseUrl, int PageSize, bool Enabled, bool HasToken, DateTime? TokenSetUtc, string ModifiedBy, DateTime ModifiedUtc);

/// <summary>Catalog sync settings (Superuser to change, Staff to read); the bearer token is encrypted with ASP.NET Data Protection.</summary>
public sealed class CatalogSettingsService(
    IDbContextFactory<PortalDbContext> contexts, IDataProtectionProvider protection, ActorEmails actorEmails, TimeProvider clock, ILogger<CatalogSettingsService> logger)
{
    private const string Purpose = "AdminPortal.CatalogSync.BearerToken";

    public async Task<CatalogSettingsView> GetAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        var settings = await LoadAsync(cancellationToken);
        return new(settings.BaseUrl, settings.PageSize, settings.Enabled, settings.HasToken, settings.TokenSetUtc, settings.ModifiedBy, settings.ModifiedUtc);
    }

    public async Task<ServiceResult<CatalogSettingsView>> SaveAsync(CatalogSettingsRequest request, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var by = await actorEmails.OfAsync(actor, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.CatalogSyncSettings.SingleOrDefaultAsync(cancellationToken) ?? db.CatalogSyncSettings.Add(new CatalogSyncSettings(now)).Entity;
        try
        {
            settings.Change(request.BaseUrl, request.PageSize, request.Enabled, by, now);
        }
        catch (DomainException e)
        {
            var field = e.Message.Contains("page size", StringComparison.Ordinal) ? "PageSize" : "BaseUrl";
            return new ServiceError(ErrorKind.Invalid, field, e.Message);
        }
        if (request.RemoveToken)
        {
            settings.SetToken(null, now);
        }
        else if (!string.IsNullOrWhiteSpace(request.NewToken))
        {
            settings.SetToken(protection.CreateProtector(Purpose).Protect(request.NewToken.Trim()), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        // Never the token itself: only whether one is kept.
        logger.LogInformation("{Actor} changed the catalog sync settings: {BaseUrl}, page size {PageSize}, enabled {Enabled}, token {Token}",
            by, settings.BaseUrl, settings.PageSize, settings.Enabled, settings.HasToken ? "kept" : "none");
        return await GetAsync(actor, cancellationToken);
    }

    /// <summary>The settings the job reads, with the token decrypted; defaults (off) when none were saved.</summary>
    internal async Task<(CatalogSyncSettings Settings, string? Token)> ForSyncAsync(CancellationToken cancellationToken)
    {
        var settings = await LoadAsync(cancellationToken);
        return (settings, settings.ProtectedToken is { } stored ? protection.CreateProtector(Purpose).Unprotect(stored) : null);
    }

    private async Task<CatalogSyncSettings> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CatalogSyncSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new CatalogSyncSettings(DateTime.MinValue);
    }
}
