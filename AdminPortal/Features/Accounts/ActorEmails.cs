using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Accounts;

/// <summary>Records name a person by their account's email; the system and API keys, which have none, by their name.</summary>
public sealed class ActorEmails(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<string> OfAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        if (actor.IsSystem)
        {
            return actor.Name;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var email = await db.Users.Where(u => u.Id == actor.Id).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return email ?? actor.Name;
    }
}
