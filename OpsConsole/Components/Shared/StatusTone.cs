using MudBlazor;

namespace OpsConsole.Components.Shared;

/// <summary>What a status means to an operator. Each tone has a colour and an icon, so it is told apart without colour.</summary>
public enum StatusTone
{
    Neutral,
    Info,
    Good,
    Attention,
    Bad,
}

public static class StatusTones
{
    public static Color ColorOf(StatusTone tone) => tone switch
    {
        StatusTone.Info => Color.Info,
        StatusTone.Good => Color.Success,
        StatusTone.Attention => Color.Warning,
        StatusTone.Bad => Color.Error,
        _ => Color.Default,
    };

    public static string IconOf(StatusTone tone) => tone switch
    {
        StatusTone.Info => Icons.Material.Filled.Schedule,
        StatusTone.Good => Icons.Material.Filled.CheckCircle,
        StatusTone.Attention => Icons.Material.Filled.Warning,
        StatusTone.Bad => Icons.Material.Filled.Error,
        _ => Icons.Material.Filled.RadioButtonUnchecked,
    };
}
