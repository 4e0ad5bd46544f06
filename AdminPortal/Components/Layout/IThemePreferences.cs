namespace AdminPortal.Components.Layout;

/// <summary>Whether a signed-in person chose the dark theme; the accounts feature keeps it with the account.</summary>
public interface IThemePreferences
{
    Task<bool> PrefersDarkAsync(string userId, CancellationToken cancellationToken = default);

    Task SetPrefersDarkAsync(string userId, bool dark, CancellationToken cancellationToken = default);
}
