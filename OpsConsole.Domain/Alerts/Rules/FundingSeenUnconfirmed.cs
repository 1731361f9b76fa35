using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Funding;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>
/// funding_seen_unconfirmed, per transfer (tx hash and handle): a transfer to an active handle has waited in the mempool
/// (or confirming with no confirmation) longer than the window since it entered that status, again after a reorg sent it
/// back. It clears when the transfer gets a confirmation, is dropped, is credited, or its handle is deactivated.
/// </summary>
public sealed class FundingSeenUnconfirmed(TimeSpan window) : IAlertRule<IReadOnlyList<FundingTransferFact>>
{
    public string Code => AlertCodes.FundingSeenUnconfirmed;
    public AlertSeverity Severity => AlertSeverity.Warning;
    public TimeSpan? Window => window;
    public string Checks => "A transfer seen in the mempool must get its first confirmation within the window of entering the mempool "
        + "(a deactivated handle's transfers are no longer watched).";

    public string Recovered(string scopeKey) =>
        $"{FundingTransferFact.Named(scopeKey)} got a confirmation, left the mempool, was credited or is no longer watched.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<FundingTransferFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(f => Unconfirmed(f) && now - f.StatusSince > window).Select(f => AlertCondition.Of(this, f.Scope,
            $"{f.Describe()} has waited {DurationText.Short(now - f.StatusSince)} in the mempool without a confirmation; "
                + $"transfers count as unconfirmed after {DurationText.Short(window)}.",
            AlertWhy.Of(this, now, f.Facts(now)),
            f.CorrelationIds)),
    ];

    static bool Unconfirmed(FundingTransferFact f) => f.HandleActive && !f.Credited
        && (f.Status == FundingObservationStatus.SeenInMempool || f.Status == FundingObservationStatus.Confirming && f.Confirmations == 0);
}
