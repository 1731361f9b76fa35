using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>inventory_snapshot_stale, per account and asset: the newest snapshot is older than the window.</summary>
public sealed class InventorySnapshotStale(TimeSpan window) : IAlertRule<IReadOnlyList<InventoryFact>>
{
    public string Code => AlertCodes.InventorySnapshotStale;
    public AlertSeverity Severity => AlertSeverity.Warning;
    public TimeSpan? Window => window;
    public string Checks => "The newest inventory snapshot of each account and asset must be younger than the window.";

    public string Recovered(string scopeKey) => $"A fresh inventory snapshot for {scopeKey.Replace("|", " / ", StringComparison.Ordinal)} arrived.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<InventoryFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(f => now - f.AsOf > window).Select(f => AlertCondition.Of(this,
            new AlertScope("inventory", f.ScopeKey, AssetId: f.Asset),
            $"The newest {f.Asset} snapshot of {f.Account} is {DurationText.Short(now - f.AsOf)} old; snapshots go stale after {DurationText.Short(window)}.",
            AlertWhy.Of(this, now, AlertFact.Of("account", f.Account), AlertFact.Of("asset", f.Asset), AlertFact.Of("as of", f.AsOf),
                AlertFact.Of("age", now - f.AsOf), AlertFact.Of("spendable", f.Spendable), AlertFact.Of("pending inbound", f.PendingInbound),
                AlertFact.Of("received at", f.ReceivedAt)))),
    ];
}
