using OpsConsole.Domain.Funding;

namespace OpsConsole.Features.Funding.Pipeline;

/// <summary>How many transfers stand at one status (funding_observations_current), and what they send.</summary>
public sealed record FundingStage(string Status, int Transfers, decimal Amount)
{
    /// <summary>The stage's name on the wall and the overview; credited says it counts the last day only.</summary>
    public string Label => Status switch
    {
        FundingObservationStatus.SeenInMempool => "Seen",
        FundingObservationStatus.Confirming => "Confirming",
        FundingObservationStatus.Confirmed => "Confirmed",
        FundingObservationStatus.Credited => "Credited, 24 h",
        _ => Status,
    };
}
