using OpsConsole.Components.Shared;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Alerts;

namespace OpsConsole.Features.Wall;

/// <summary>
/// How fresh each source of the wall is at a moment: the wall's own reading of the database, the live link, and the
/// alerts' evaluator and feeds (<see cref="AlertSources"/>). An empty wall is an all-clear only when every one is sound.
/// </summary>
public static class WallSources
{
    public static IReadOnlyList<SourceState> Of(WallSnapshot snapshot, DateTimeOffset now) =>
        [Board(snapshot, now), SourceState.LiveUpdates(snapshot.LiveListening, WallBoard.RefreshEvery), .. AlertSources.Of(snapshot.Alerts, now)];

    /// <summary>What the wall says when no alert is raised: an all-clear only when every source is sound.</summary>
    public static (string Text, StatusTone Tone) Verdict(IReadOnlyList<SourceState> sources)
    {
        var unsound = sources.Where(s => !s.IsSound).ToList();
        return unsound.Count == 0
            ? ("All clear: no alert is raised, and every source is fresh.", StatusTone.Good)
            : ($"No alert is raised, but this is not an all-clear: {string.Join("; ", unsound.Select(s => $"{s.Name} {s.State.ToLowerInvariant()}"))}.",
                StatusTone.Attention);
    }

    static SourceState Board(WallSnapshot snapshot, DateTimeOffset now) => snapshot switch
    {
        { EverRead: false } => new("Wall", "Not read yet", StatusTone.Bad, "the database has not answered yet"),
        { ReadFailedAt: { } failed } => new("Wall", "Out of date", StatusTone.Bad,
            $"database unreachable since {DurationText.SecondsAgo(failed, now)}; showing the state as of {DurationText.SecondsAgo(snapshot.AsOf, now)}"),
        _ => new("Wall", "Current", StatusTone.Good, $"as of {DurationText.SecondsAgo(snapshot.AsOf, now)}"),
    };
}
