using MudBlazor;

namespace OpsConsole.Components.Layout;

/// <summary>
/// The one theme. Every status colour carries text at WCAG 2.1 AA: at least 4.5:1 against white in light mode (as text,
/// and as the fill behind white text), and against the dark surfaces in dark mode, where filled controls use dark text.
/// Status is never told by colour alone: see <see cref="Shared.StatusChip"/>.
/// </summary>
static class OpsTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",        // 8.7:1 on white
            Secondary = "#00796b",      // 5.3:1
            Info = "#1565c0",           // 5.8:1
            Success = "#2e7d32",        // 5.1:1 (4.8:1 on the drawer)
            Warning = "#9a5b00",        // 5.4:1
            Error = "#c62828",          // 5.6:1
            AppbarBackground = "#1f2a37",
            DrawerBackground = "#f6f8fa",
            TextSecondary = "rgba(0,0,0,0.66)",
        },
        PaletteDark = new PaletteDark
        {
            Background = "#121212",
            Surface = "#1e1e1e",
            AppbarBackground = "#1f2a37",
            DrawerBackground = "#1a1a1a",
            TextPrimary = "#ffffff",
            TextSecondary = "rgba(255,255,255,0.78)",
            // Light tints, each over 7:1 on #1e1e1e; filled controls put black text on them.
            Primary = "#90caf9",
            PrimaryContrastText = "#000000",
            Secondary = "#80cbc4",
            SecondaryContrastText = "#000000",
            Info = "#90caf9",
            InfoContrastText = "#000000",
            Success = "#81c784",
            SuccessContrastText = "#000000",
            Warning = "#ffb74d",
            WarningContrastText = "#000000",
            Error = "#ef9a9a",
            ErrorContrastText = "#000000",
        },
    };
}
