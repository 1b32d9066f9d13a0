using MudBlazor;

namespace Portal.Components.Layout;

/// <summary>
/// The portal's colours. Every text colour here meets WCAG 2.2 AA contrast (4.5:1) against the
/// background it sits on, in both the light and the dark palette.
/// </summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4f91",
            PrimaryContrastText = "#ffffff",
            Secondary = "#5c2d91",
            AppbarBackground = "#1d4f91",
            AppbarText = "#ffffff",
            Success = "#0f6b35",
            Warning = "#8a4b00",
            Error = "#b3261e",
            Info = "#1d4f91",
            TextPrimary = "#1b1b1f",
            TextSecondary = "#45464f",
            ActionDefault = "#45464f",
            DrawerText = "#1b1b1f",
            DrawerIcon = "#45464f",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a8c8ff",
            PrimaryContrastText = "#0b1d36",
            Secondary = "#d0bcff",
            AppbarBackground = "#14243d",
            AppbarText = "#ffffff",
            Success = "#7fd6a0",
            Warning = "#ffb95c",
            Error = "#ffb4ab",
            Info = "#a8c8ff",
            TextPrimary = "#e4e2e6",
            TextSecondary = "#c6c6d0",
            Background = "#121318",
            Surface = "#1b1c21",
            DrawerBackground = "#1b1c21",
            DrawerText = "#e4e2e6",
        },
    };
}
