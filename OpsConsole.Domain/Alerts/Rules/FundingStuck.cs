using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Funding;

namespace OpsConsole.Domain.Alerts.Rules;

/// <summary>
/// funding_stuck, per transfer (tx hash and handle): an uncredited transfer that stopped moving where the other two
/// funding rules do not look. Either it was dropped (it left the chain unconfirmed, or a reorg took it and it never came
/// back), which raises at once; or it is confirming on an active handle and its confirmations have not grown (no new
/// observation) for the window. Waiting in the mempool is funding_seen_unconfirmed's, waiting for the bridge
/// funding_confirmed_credit_pending's, so no transfer raises two of them at once. It clears when the transfer moves on or
/// is credited, and when someone acknowledges it (a dropped transfer stays dropped, so a person says they looked); a
/// later stop raises it again.
/// </summary>
public sealed class FundingStuck(TimeSpan window) : IAlertRule<IReadOnlyList<FundingTransferFact>>
{
    public string Code => AlertCodes.FundingStuck;
    public AlertSeverity Severity => AlertSeverity.Warning;
    public TimeSpan? Window => window;
    public string Checks => "An uncredited transfer must keep moving: one dropped from the chain, or one confirming whose confirmations "
        + "have not grown for the window, is stuck until it moves, is credited or is acknowledged.";
    public bool ClearedByAcknowledgement => true;

    public string Recovered(string scopeKey) => $"{FundingTransferFact.Named(scopeKey)} moved on or was credited.";

    public IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<FundingTransferFact> facts, DateTimeOffset now) =>
    [
        .. facts.Where(f => Holds(f, now)).Select(f => AlertCondition.Of(this, f.Scope,
            f.Status == FundingObservationStatus.Dropped
                ? $"{f.Describe()} left the chain unconfirmed {DurationText.Short(now - f.StatusSince)} ago and was never credited."
                : $"{f.Describe()} has stayed at {f.Confirmations} confirmation{(f.Confirmations == 1 ? "" : "s")} for "
                    + $"{DurationText.Short(now - f.StatusSince)}; a confirming transfer counts as stuck after {DurationText.Short(window)} without a new block.",
            AlertWhy.Of(this, now, f.Facts(now)),
            f.CorrelationIds)),
    ];

    bool Holds(FundingTransferFact f, DateTimeOffset now) =>
        !f.Credited
        && (f.AcknowledgedAt is not { } acknowledged || acknowledged < f.StatusSince)
        && (f.Status == FundingObservationStatus.Dropped
            || f.HandleActive && f.Status == FundingObservationStatus.Confirming && f.Confirmations > 0 && now - f.StatusSince > window);
}
