using MudBlazor;

namespace AdminPortal.Components.Layout;

/// <summary>The portal's one theme: its blue, with text colours that keep a 4.5:1 contrast in light and dark.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#5c4d7d",
            AppbarBackground = "#1f4e79",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            DrawerText = "#1d2733",
            TextPrimary = "#1d2733",
            TextSecondary = "#4a5563",
            Success = "#1b6e34",
            Error = "#b3261e",
            Warning = "#8a5300",
            Info = "#0b5cad",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8cc4f5",
            Secondary = "#c7b8e8",
            AppbarBackground = "#14263a",
            AppbarText = "#e8eef5",
            Background = "#12161c",
            Surface = "#1b2129",
            DrawerBackground = "#171c23",
            DrawerText = "#e0e6ee",
            TextPrimary = "#e8eef5",
            TextSecondary = "#b4bfcc",
            Success = "#7fd69a",
            Error = "#ffb4ab",
            Warning = "#f5c26b",
            Info = "#9ccbff",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "260px" },
    };
}
