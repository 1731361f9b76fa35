namespace OpsConsole.Features.Alerts;

/// <summary>The active alerts, Critical first then newest, with the evaluator's state and last evaluation, and each
/// feed's last word; <see cref="AsOf"/> is when it was read.</summary>
public sealed record AlertOverview(
    DateTimeOffset AsOf,
    IReadOnlyList<AlertView> Active,
    AlertEvaluatorView Evaluator,
    DateTimeOffset? LastEvaluatedAt,
    TimeSpan EvaluatorSilentAfter,
    IReadOnlyList<AlertFeedView> Feeds);
