using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Funding;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>
/// funding_confirmed_credit_pending, per transfer (tx hash and handle): a transfer has been confirmed (the required
/// confirmations reached) longer than the window and the bridge has not credited it. Money sits on the chain that the
/// treasury cannot spend, so it is Critical, whether or not the handle is still watched. It clears as soon as a bridge
/// deposit with the transfer's hash is stored, before the observer records the credit.
/// </summary>
public sealed class FundingConfirmedCreditPending(TimeSpan window) : IAlertRule<IReadOnlyList<FundingTransferFact>>
{
    public string Code => AlertCodes.FundingConfirmedCreditPending;
    public AlertSeverity Severity => AlertSeverity.Critical;
    public TimeSpan? Window => window;
    public string Checks => "A confirmed transfer must be credited by the bridge (a bridge deposit with its tx hash) within the window of its confirmation.";

    public string Recovered(string scopeKey) => $"{FundingTransferFact.Named(scopeKey)} was credited by the bridge, or is no longer confirmed.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<FundingTransferFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(f => !f.Credited && f.Status == FundingObservationStatus.Confirmed && now - f.StatusSince > window)
            .Select(f => AlertCondition.Of(this, f.Scope,
                $"{f.Describe()} was confirmed {DurationText.Short(now - f.StatusSince)} ago and the bridge has not credited it; "
                    + $"credits are due within {DurationText.Short(window)}.",
                AlertWhy.Of(this, now, [.. f.Facts(now), AlertFact.Of("bridge deposit", (string?)null)]),
                f.CorrelationIds)),
    ];
}
