namespace OpsConsole.Domain.Funding;

/// <summary>
/// Where a transfer to a funding handle stands, as funding_observations spells it. Only <see cref="Credited"/> is
/// spendable, and only because the bridge said so; every other status is pre-credit.
/// </summary>
public static class FundingObservationStatus
{
    public const string SeenInMempool = "seen_in_mempool";
    public const string Confirming = "confirming";
    public const string Confirmed = "confirmed";
    public const string Credited = "credited";
    /// <summary>Left the mempool without being confirmed (replaced or evicted).</summary>
    public const string Dropped = "dropped";

    public static IReadOnlyList<string> All { get; } = [SeenInMempool, Confirming, Confirmed, Credited, Dropped];

    /// <summary>On its way and not yet credited: seen, confirming or confirmed.</summary>
    public static bool IsUncredited(string status) => status is SeenInMempool or Confirming or Confirmed;
}
