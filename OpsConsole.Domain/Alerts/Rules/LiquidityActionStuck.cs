using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>liquidity_action_stuck, per action: not settled, failed or cancelled longer than the window after its first report.</summary>
public sealed class LiquidityActionStuck(TimeSpan window) : IAlertRule<IReadOnlyList<LiquidityActionFact>>
{
    public string Code => AlertCodes.LiquidityActionStuck;
    public AlertSeverity Severity => AlertSeverity.Warning;
    public TimeSpan? Window => window;
    public string Checks => "A liquidity action must reach settled, failed or cancelled within the window of its first report.";

    public string Recovered(string scopeKey) => $"Liquidity action {scopeKey} reached a final status.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<LiquidityActionFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(f => !LiquidityAction.IsFinal(f.Status) && now - f.FirstAt > window).Select(f => AlertCondition.Of(this,
            new AlertScope("liquidity", f.ActionId, AssetId: f.Asset),
            $"The {f.Kind} of {f.Amount} {f.Asset} ({f.ActionId}) is still {Lower(f.Status)} {DurationText.Short(now - f.FirstAt)} after it began; "
                + $"actions count as stuck after {DurationText.Short(window)}.",
            AlertWhy.Of(this, now, AlertFact.Of("action", f.ActionId), AlertFact.Of("kind", f.Kind), AlertFact.Of("asset", f.Asset),
                AlertFact.Of("amount", f.Amount), AlertFact.Of("status", Lower(f.Status)), AlertFact.Of("first reported at", f.FirstAt),
                AlertFact.Of("last reported at", f.LastAt), AlertFact.Of("open for", now - f.FirstAt)),
            f.ActionId)),
    ];

    static string Lower(LiquidityActionStatus status) => status.ToString().ToLowerInvariant();
}
