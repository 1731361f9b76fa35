namespace OpsConsole.Features.Funding.Pipeline;

/// <summary>
/// What is on its way into the treasury, per asset and stage (seen → confirming → confirmed → credited), with whether the
/// observer is paused (then the stages stand still, which is not an all-clear). Credited counts only the last
/// <see cref="CreditedWithin"/>, by the bridge's credit time; the other stages count every transfer in them now.
/// </summary>
public sealed record FundingPipeline(IReadOnlyList<FundingAssetPipeline> Assets, bool ObserverPaused)
{
    public static readonly TimeSpan CreditedWithin = TimeSpan.FromHours(24);

    public static FundingPipeline None { get; } = new([], false);
}
