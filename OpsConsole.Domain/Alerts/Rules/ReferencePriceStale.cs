using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>reference_price_stale, per pair: the newest reference price was observed longer ago than the window.</summary>
public sealed class ReferencePriceStale(TimeSpan window) : IAlertRule<IReadOnlyList<PriceFact>>
{
    public string Code => AlertCodes.ReferencePriceStale;
    public AlertSeverity Severity => AlertSeverity.Critical;
    public TimeSpan? Window => window;
    public string Checks => "The newest reference price of each pair must be younger than the window.";

    public string Recovered(string scopeKey) => $"A fresh reference price for {scopeKey} arrived.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<PriceFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(f => now - f.ObservedAt > window).Select(f => AlertCondition.Of(this,
            new AlertScope("market", f.Pair, Pair: f.Pair),
            $"The newest {f.Pair} price is {DurationText.Short(now - f.ObservedAt)} old; prices go stale after {DurationText.Short(window)}.",
            AlertWhy.Of(this, now, AlertFact.Of("pair", f.Pair), AlertFact.Of("newest observed at", f.ObservedAt),
                AlertFact.Of("age", now - f.ObservedAt), AlertFact.Of("source", f.Source), AlertFact.Of("price", f.Price),
                AlertFact.Of("received at", f.ReceivedAt)))),
    ];
}
