using AdminPortal.Domain.Integration;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AdminPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.ApiKeys;

/// <summary>Signs in an API caller by the key in <c>X-Api-Key</c>; answers refusals as problem details.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    IDbContextFactory<PortalDbContext> contexts,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string ScopeClaim = "portal:api_scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.ToString() is not { Length: > 0 } secret)
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiKey.HashOf(secret.Trim());
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Hash == hash, Context.RequestAborted);
        if (key is null || key.IsRevoked)
        {
            Logger.LogWarning("API call refused: {Reason} key", key is null ? "unknown" : $"revoked ({key.Name})");
            return AuthenticateResult.Fail("unknown or revoked API key");
        }
        await RecordUseAsync(db, key);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.NameIdentifier, $"api-key:{key.Id}"), new Claim(ScopeClaim, key.Scope.ToString())],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    // A write per call would make every API call a write; once a minute is enough to tell keys in use from stale ones.
    // Best effort: a database busy with an import must not turn a valid key away.
    private async Task RecordUseAsync(PortalDbContext db, ApiKey key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedUtc is not null && now - key.LastUsedUtc <= TimeSpan.FromMinutes(1))
        {
            return;
        }
        try
        {
            db.Database.SetCommandTimeout(TimeSpan.FromSeconds(1));
            await db.ApiKeys.Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedUtc, now), Context.RequestAborted);
        }
        catch (System.Data.Common.DbException e) when (Data.DatabaseErrors.IsBusy(e))
        {
            Logger.LogDebug("Last use of API key {Name} not recorded: the database is busy", key.Name);
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            $"Send a valid, unrevoked API key in the {Header} header; a superuser creates keys on the API keys page.");

    // An endpoint that also takes a portal account's cookie (the support API) refuses accounts through here too.
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", Context.User.FindFirstValue(ScopeClaim) is { } scope
            ? $"This API key's scope is {scope.ToLowerInvariant()}; this endpoint needs another scope."
            : "Your account's roles may not call this endpoint.");

    private Task WriteProblemAsync(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Header] = [detail] } })
        .ExecuteAsync(Context);
}
