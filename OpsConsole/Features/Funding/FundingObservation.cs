namespace OpsConsole.Features.Funding;

/// <summary>
/// One change of a transfer to a funding handle (funding_observations, append-only: a trigger refuses UPDATE and
/// DELETE): its status and confirmations then, the amount sent to the handle, when it was first and last seen on the
/// chain, and, once the bridge credited it, when and under which deposit hash. The transfer keeps its own tx hash.
/// </summary>
public sealed class FundingObservation
{
    public long FundingObservationId { get; set; }
    public required string AccountId { get; set; }
    public required string AssetId { get; set; }
    public required string Chain { get; set; }
    /// <summary>The id of the funding handle the transfer pays.</summary>
    public Guid FundingHandle { get; set; }
    /// <summary>Where the chain was read: esplora or simulated.</summary>
    public required string Source { get; set; }
    public required string TxHash { get; set; }
    public required string Status { get; set; }
    /// <summary>What the transfer sends to the handle, in the asset's unit (BTC); pre-credit unless the status is credited.</summary>
    public decimal Amount { get; set; }
    public int Confirmations { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? CreditedAt { get; set; }
    public string? BridgeDepositTxHash { get; set; }
    public DateTimeOffset IngestedAt { get; set; }
}
