namespace OpsConsole.Features.Alerts;

/// <summary>GET /api/alerts/state: what is raised now, what cleared recently, each rule's last evaluation, the silences in
/// force, and whether the evaluator is paused; <see cref="AsOf"/> is the server's time of the answer.</summary>
public sealed record AlertStateView(
    DateTimeOffset AsOf,
    AlertEvaluatorView Evaluator,
    IReadOnlyList<AlertView> Active,
    IReadOnlyList<AlertView> RecentlyCleared,
    IReadOnlyList<AlertRuleView> Rules,
    IReadOnlyList<AlertSilenceView> Silences);
