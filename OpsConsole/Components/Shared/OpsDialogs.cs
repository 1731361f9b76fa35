using MudBlazor;

namespace OpsConsole.Components.Shared;

/// <summary>How every dialog opens: a click beside it does not lose what was typed; Escape backs out, as Back does, and
/// focus returns to the button that opened it. Each dialog sets DefaultFocus="FirstChild" on its MudDialog (the
/// component's own default overrides the option), so a keyboard user types into its first field at once.</summary>
public static class OpsDialogs
{
    public static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        BackdropClick = false,
        CloseOnEscapeKey = true,
    };

    /// <summary>The same behaviour for a dialog that lists a table.</summary>
    public static readonly DialogOptions Wide = Options with { MaxWidth = MaxWidth.Large };
}
