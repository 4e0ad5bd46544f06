using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Accounts;

/// <summary>
/// Whether the portal still needs its first superuser. Once one exists the answer is cached for good,
/// so the check costs nothing per request after set-up.
/// </summary>
public sealed class FirstRunState(IDbContextFactory<PortalDbContext> contexts)
{
    private volatile bool hasSuperuser;

    public async ValueTask<bool> NeedsSetupAsync(CancellationToken cancellationToken = default)
    {
        if (!hasSuperuser)
        {
            // Another process (the CLI) may have created one since the last look.
            hasSuperuser = await AccountQueries.AnySuperuserAsync(contexts, cancellationToken);
        }
        return !hasSuperuser;
    }

    public void SuperuserExists() => hasSuperuser = true;
}
