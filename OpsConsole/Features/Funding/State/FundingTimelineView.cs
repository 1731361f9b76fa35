namespace OpsConsole.Features.Funding.State;

/// <summary>
/// One transfer to a handle as the /funding page shows it: where it stands now and each change the observer recorded, in
/// order (first seen, each confirmation, credit, or dropped and reorged back). Until <see cref="Credited"/> its amount is on
/// its way and not spendable.
/// </summary>
public sealed record FundingTimelineView(
    Guid Handle, string HandleLabel, string Chain, string Asset, string TxHash, string Status, decimal Amount, int Confirmations,
    DateTimeOffset FirstSeenAt, DateTimeOffset? CreditedAt, string? BridgeDepositTxHash, IReadOnlyList<FundingStepView> Steps)
{
    public bool Credited => CreditedAt is not null && Status == Domain.Funding.FundingObservationStatus.Credited;
}

/// <summary>One recorded change of a transfer: its status and confirmations then, and when it was recorded.</summary>
public sealed record FundingStepView(string Status, int Confirmations, DateTimeOffset At);
