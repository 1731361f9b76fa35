using MudBlazor;

namespace OpsConsole.Components.Layout;

static class OpsTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#00796b",
            AppbarBackground = "#1f2a37",
            DrawerBackground = "#f6f8fa",
        },
    };
}
