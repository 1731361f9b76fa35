using OpsConsole.Components.Shared;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Alerts;

/// <summary>How fresh the alerts' sources are at a moment: the evaluator (running, silent, paused) and each feed. A silent
/// source is said to be silent, so a display with no alerts never reads as an all-clear when nobody is looking.</summary>
public static class AlertSources
{
    public static IReadOnlyList<SourceState> Of(AlertOverview alerts, DateTimeOffset now) =>
        [Evaluator(alerts, now), .. alerts.Feeds.Select(feed => Feed(feed, now))];

    static SourceState Evaluator(AlertOverview alerts, DateTimeOffset now)
    {
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

    static SourceState Feed(AlertFeedView feed, DateTimeOffset now) =>
        SourceFreshness.Judge(feed.LastHeardAt, feed.SilentAfter, now) switch
        {
            Freshness.Fresh => new(feed.Name, "Fresh", StatusTone.Good, $"heard {DurationText.SecondsAgo(feed.LastHeardAt!.Value, now)}"),
            Freshness.Silent => new(feed.Name, "Silent", StatusTone.Bad, $"last heard {DurationText.SecondsAgo(feed.LastHeardAt!.Value, now)}"),
            // A feed no rule times (trade results come as trades do) is news when it speaks, not a fault when it does not.
            _ when feed.SilentAfter is null => new(feed.Name, "Quiet", StatusTone.Info, "nothing received yet"),
            _ => new(feed.Name, "Never heard", StatusTone.Bad, "nothing received yet"),
        };
}
