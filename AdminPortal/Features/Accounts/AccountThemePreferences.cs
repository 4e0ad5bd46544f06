using AdminPortal.Components.Layout;
using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Accounts;

/// <summary>The light or dark theme, kept on the account so it follows the person to another browser.</summary>
public sealed class AccountThemePreferences(IDbContextFactory<PortalDbContext> contexts) : IThemePreferences
{
    public async Task<bool> PrefersDarkAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkTheme).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetPrefersDarkAsync(string userId, bool dark, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.PrefersDarkTheme, dark), cancellationToken);
    }
}
