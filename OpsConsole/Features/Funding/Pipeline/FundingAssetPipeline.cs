namespace OpsConsole.Features.Funding.Pipeline;

/// <summary>One asset's transfers by stage, in the order a transfer walks them; none of it is spendable before Credited.</summary>
public sealed record FundingAssetPipeline(string Asset, FundingStage Seen, FundingStage Confirming, FundingStage Confirmed, FundingStage Credited)
{
    public IReadOnlyList<FundingStage> Stages => [Seen, Confirming, Confirmed, Credited];

    /// <summary>Not yet credited: seen, confirming and confirmed together.</summary>
    public decimal Uncredited => Seen.Amount + Confirming.Amount + Confirmed.Amount;
}
