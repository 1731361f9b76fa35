namespace OpsConsole.Features.Funding;

/// <summary>
/// The latest observation of each transfer to each handle (funding_observations_current), written in the transaction
/// that appends the observation, so that the observer and the state API need not scan the whole history.
/// </summary>
public sealed class FundingObservationCurrent
{
    public Guid FundingHandle { get; set; }
    public required string TxHash { get; set; }
    public required string AccountId { get; set; }
    public required string AssetId { get; set; }
    public required string Chain { get; set; }
    public required string Status { get; set; }
    public decimal Amount { get; set; }
    public int Confirmations { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? CreditedAt { get; set; }
    public string? BridgeDepositTxHash { get; set; }
    public DateTimeOffset ObservedAt { get; set; }

    /// <summary>The latest row, taken over from the observation just appended.</summary>
    public void Take(FundingObservation o)
    {
        (AccountId, AssetId, Chain, Status, Amount, Confirmations) = (o.AccountId, o.AssetId, o.Chain, o.Status, o.Amount, o.Confirmations);
        (FirstSeenAt, LastSeenAt, CreditedAt, BridgeDepositTxHash, ObservedAt) = (o.FirstSeenAt, o.LastSeenAt, o.CreditedAt, o.BridgeDepositTxHash, o.IngestedAt);
    }
}
