namespace OpsConsole.Domain.Alerts;

/// <summary>Whether a source the alerts depend on (the evaluator, a feed) is still heard from.</summary>
public enum Freshness
{
    /// <summary>Heard from within its window (or it has none).</summary>
    Fresh,
    /// <summary>Heard from before, but not within its window: its silence, not an all-clear.</summary>
    Silent,
    /// <summary>Never heard from at all.</summary>
    NeverHeard,
}

/// <summary>
/// Judges how fresh a source is, so that a display with no alerts can tell "all clear" from "nobody is looking": a rule
/// over a feed that stopped raises only once its window passes, and an evaluator that stopped raises nothing at all.
/// </summary>
public static class SourceFreshness
{
    /// <summary>The evaluator counts as silent after three of its intervals without an evaluation, and never before 30 s,
    /// so one slow or skipped run on a busy machine is not reported.</summary>
    public static TimeSpan EvaluatorSilentAfter(TimeSpan evaluateInterval) =>
        TimeSpan.FromTicks(Math.Max(evaluateInterval.Ticks * 3, TimeSpan.FromSeconds(30).Ticks));

    public static Freshness Judge(DateTimeOffset? lastHeardAt, TimeSpan? silentAfter, DateTimeOffset now) =>
        lastHeardAt is not { } heard ? Freshness.NeverHeard
        : silentAfter is { } window && now - heard > window ? Freshness.Silent
        : Freshness.Fresh;
}
