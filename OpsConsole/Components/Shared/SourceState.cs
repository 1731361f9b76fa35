namespace OpsConsole.Components.Shared;

/// <summary>Something a page's picture depends on (the evaluator, a feed, the live link), as the page says it: its name,
/// its state in a word, the tone of that state, and how fresh it is ("evaluated 4 s ago").</summary>
public sealed record SourceState(string Name, string State, StatusTone Tone, string Detail)
{
    /// <summary>Whether the page can be trusted on this source's account: an all-clear needs every source to be.</summary>
    public bool IsSound => Tone is StatusTone.Good or StatusTone.Info;

    /// <summary>Whether this instance hears changes as they are committed, and how often the page reads meanwhile.</summary>
    public static SourceState LiveUpdates(bool listening, TimeSpan rereadEvery) => listening
        ? new("Live updates", "Listening", StatusTone.Good, "changes arrive as they are committed")
        : new("Live updates", "Reconnecting", StatusTone.Bad, $"the page re-reads every {rereadEvery.TotalSeconds:0} s meanwhile");
}
