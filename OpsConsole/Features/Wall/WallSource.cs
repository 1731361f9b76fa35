using OpsConsole.Components.Shared;

namespace OpsConsole.Features.Wall;

/// <summary>One thing the wall's picture depends on, as the wall says it: its name, its state in a word, the tone of that
/// state, and how fresh it is ("evaluated 4 s ago").</summary>
public sealed record WallSource(string Name, string State, StatusTone Tone, string Detail)
{
    /// <summary>Whether the wall can be trusted on this source's account: an all-clear needs every source to be.</summary>
    public bool IsSound => Tone is StatusTone.Good or StatusTone.Info;
}
