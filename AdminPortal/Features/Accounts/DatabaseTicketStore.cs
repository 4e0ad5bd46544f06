using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Accounts;

/// <summary>
/// Keeps sign-in sessions in the portal's database (the cookie carries only the session's key): signing out deletes the
/// session, so a cookie copied before is refused afterwards, and every portal instance on the database sees the same
/// sessions. The ticket is protected with Data Protection before it is stored.
/// </summary>
public sealed class DatabaseTicketStore(IDbContextFactory<PortalDbContext> contexts, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    /// <summary>The claim the cookie handler adds to a principal whose ticket is kept in a store: the session's key.</summary>
    public const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    private readonly IDataProtector protector = protection.CreateProtector("AdminPortal.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync();
        // Expired sessions go as new ones come: one indexed delete, so the table holds only sessions that can still be used.
        await db.PortalSessions.Where(s => s.ExpiresUtc <= now).ExecuteDeleteAsync();
        db.PortalSessions.Add(new PortalSession(key, UserIdOf(ticket), Protect(ticket), ticket.Properties.ExpiresUtc?.UtcDateTime, now));
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>One conditional update: a session signed out meanwhile stays signed out (nothing is renewed).</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var (now, protectedTicket, expires) = (clock.GetUtcNow().UtcDateTime, Protect(ticket), ticket.Properties.ExpiresUtc?.UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync();
        await db.PortalSessions.Where(s => s.Key == key).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Ticket, protectedTicket).SetProperty(s => s.ExpiresUtc, expires).SetProperty(s => s.RenewedUtc, now));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var session = await db.PortalSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key);
        if (session is null || session.IsExpired(clock.GetUtcNow().UtcDateTime))
        {
            return null;
        }
        try
        {
            var ticket = TicketSerializer.Default.Deserialize(protector.Unprotect(session.Ticket));
            // The principal the app sees (a circuit's included) names its session, so an open tab can tell it was signed out.
            if (ticket?.Principal.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionIdClaim))
            {
                identity.AddClaim(new Claim(SessionIdClaim, key));
            }
            return ticket;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // the keys changed: the person signs in again
        }
    }

    /// <summary>Whether the signed-in person's session is still there (not signed out, not expired): an open circuit's re-check.</summary>
    public Task<bool> IsSignedInAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.FindFirstValue(SessionIdClaim) is { } key ? ExistsAsync(key, cancellationToken) : Task.FromResult(false);

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PortalSessions.AnyAsync(s => s.Key == key && (s.ExpiresUtc == null || s.ExpiresUtc > now), cancellationToken);
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.PortalSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static string? UserIdOf(AuthenticationTicket ticket) => ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
}
