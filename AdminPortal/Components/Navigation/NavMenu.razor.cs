using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace AdminPortal.Components.Navigation;

public sealed partial class NavMenu : IDisposable
{
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private IConfiguration Configuration { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private IReadOnlyList<PortalArea> areas = [];

    // The one page the address belongs to (the longest path it lies below): matching each item's path by prefix lit
    // /schedules with /schedules/config, and four more such pairs.
    private PortalPage? current;

    protected override async Task OnInitializedAsync()
    {
        areas = PortalNavigation.VisibleTo(await Actor.GetAsync(), Configuration);
        current = CurrentPage();
        Navigation.LocationChanged += OnLocationChanged;
    }

    private PortalPage? CurrentPage() => PortalNavigation.FindByPath(Navigation.ToBaseRelativePath(Navigation.Uri));

    private static string Href(PortalPage page) => page.Path.TrimStart('/');

    /// <summary>Only the current page matches below its path (a run's page lights Jobs); every other item only at its own address.</summary>
    private NavLinkMatch MatchOf(PortalPage page) => page == current ? NavLinkMatch.Prefix : NavLinkMatch.All;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        current = CurrentPage();
        _ = InvokeAsync(StateHasChanged);
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
