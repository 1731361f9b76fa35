using OpsConsole.Components.Shared;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Wall;

/// <summary>
/// How fresh each source of the wall is at a moment: the wall's own reading of the database, the live link, the
/// evaluator and each feed. A silent source is said to be silent, so an empty wall never reads as an all-clear when
/// nobody is looking.
/// </summary>
public static class WallSources
{
    public static IReadOnlyList<WallSource> Of(WallSnapshot snapshot, DateTimeOffset now) =>
    [
        Board(snapshot, now),
        Live(snapshot),
        Evaluator(snapshot, now),
        .. snapshot.Alerts.Feeds.Select(feed => Feed(feed.Name, feed.LastHeardAt, feed.SilentAfter, now)),
    ];

    /// <summary>What the wall says when no alert is raised: an all-clear only when every source is sound.</summary>
    public static (string Text, StatusTone Tone) Verdict(IReadOnlyList<WallSource> sources)
    {
        var unsound = sources.Where(s => !s.IsSound).ToList();
        return unsound.Count == 0
            ? ("All clear: no alert is raised, and every source is fresh.", StatusTone.Good)
            : ($"No alert is raised, but this is not an all-clear: {string.Join("; ", unsound.Select(s => $"{s.Name} {s.State.ToLowerInvariant()}"))}.",
                StatusTone.Attention);
    }

    static WallSource Board(WallSnapshot snapshot, DateTimeOffset now) => snapshot switch
    {
        { EverRead: false } => new("Wall", "Not read yet", StatusTone.Bad, "the database has not answered yet"),
        { ReadFailedAt: { } failed } => new("Wall", "Out of date", StatusTone.Bad,
            $"database unreachable since {DurationText.SecondsAgo(failed, now)}; showing the state as of {DurationText.SecondsAgo(snapshot.AsOf, now)}"),
        _ => new("Wall", "Current", StatusTone.Good, $"as of {DurationText.SecondsAgo(snapshot.AsOf, now)}"),
    };

    static WallSource Live(WallSnapshot snapshot) => snapshot.LiveListening
        ? new("Live updates", "Listening", StatusTone.Good, "changes arrive as they are committed")
        : new("Live updates", "Reconnecting", StatusTone.Bad, $"the wall re-reads every {WallBoard.RefreshEvery.TotalSeconds:0} s meanwhile");

    static WallSource Evaluator(WallSnapshot snapshot, DateTimeOffset now)
    {
        var alerts = snapshot.Alerts;
        if (alerts.Evaluator.Paused)
            return new("Evaluator", "Paused", StatusTone.Bad,
                $"paused{(alerts.Evaluator.ChangedAt is { } at ? " " + DurationText.SecondsAgo(at, now) : "")}: nothing is raised or cleared");
        return SourceFreshness.Judge(alerts.LastEvaluatedAt, alerts.EvaluatorSilentAfter, now) switch
        {
            Freshness.Fresh => new("Evaluator", "Running", StatusTone.Good, $"evaluated {DurationText.SecondsAgo(alerts.LastEvaluatedAt!.Value, now)}"),
            Freshness.Silent => new("Evaluator", "Silent", StatusTone.Bad, $"last evaluated {DurationText.SecondsAgo(alerts.LastEvaluatedAt!.Value, now)}"),
            _ => new("Evaluator", "Not running", StatusTone.Bad, "has not evaluated yet"),
        };
    }

    static WallSource Feed(string name, DateTimeOffset? lastHeard, TimeSpan? silentAfter, DateTimeOffset now) =>
        SourceFreshness.Judge(lastHeard, silentAfter, now) switch
        {
            Freshness.Fresh => new(name, "Fresh", StatusTone.Good, $"heard {DurationText.SecondsAgo(lastHeard!.Value, now)}"),
            Freshness.Silent => new(name, "Silent", StatusTone.Bad, $"last heard {DurationText.SecondsAgo(lastHeard!.Value, now)}"),
            // A feed no rule times (trade results come as trades do) is news when it speaks, not a fault when it does not.
            _ when silentAfter is null => new(name, "Quiet", StatusTone.Info, "nothing received yet"),
            _ => new(name, "Never heard", StatusTone.Bad, "nothing received yet"),
        };
}
