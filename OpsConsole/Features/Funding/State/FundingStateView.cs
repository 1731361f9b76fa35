namespace OpsConsole.Features.Funding.State;

/// <summary>
/// GET /api/funding/state: the handles with their observer health and the latest observation of each transfer, the
/// uncredited totals by asset, each credited transfer beside its bridge deposit, the time of the latest observation, and
/// the observer's pause. Nothing here before the bridge's credit is spendable, and no field says otherwise.
/// <see cref="AsOf"/> is the server's time of the answer.
/// </summary>
public sealed record FundingStateView(
    DateTimeOffset AsOf,
    FundingObserverView Observer,
    IReadOnlyList<FundingHandleStateView> Handles,
    IReadOnlyList<UncreditedTotalView> UncreditedTotals,
    IReadOnlyList<CreditCorrelationView> Credits,
    DateTimeOffset? LatestObservationAt);
