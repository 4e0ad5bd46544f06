using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace AdminPortal.Components.Layout;

public partial class MainLayout
{
    [Inject] private IOptions<PortalLayoutOptions> Layout { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private IThemePreferences ThemePreferences { get; set; } = default!;

    private bool menuOpen = true;
    private bool dark;
    private string? userId;
    private PortalErrorBoundary? errorBoundary;

    private string ThemeSwitchLabel => dark ? "Use the light theme" : "Use the dark theme";

    protected override async Task OnInitializedAsync()
    {
        var actor = await Actor.GetAsync();
        if (actor.Id.Length > 0)
        {
            userId = actor.Id;
            dark = await ThemePreferences.PrefersDarkAsync(userId);
        }
    }

    // Navigating away from a page that failed shows the next page instead of the error.
    protected override void OnParametersSet() => errorBoundary?.Recover();

    private void ToggleMenu() => menuOpen = !menuOpen;

    private async Task ToggleThemeAsync()
    {
        dark = !dark;
        await ThemePreferences.SetPrefersDarkAsync(userId!, dark);
    }
}
