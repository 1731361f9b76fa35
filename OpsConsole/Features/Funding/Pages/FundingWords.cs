using OpsConsole.Components.Shared;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Funding.State;

namespace OpsConsole.Features.Funding.Pages;

/// <summary>How the funding page says a transfer's status and each step of its timeline.</summary>
public static class FundingWords
{
    public static string Status(string status) => status switch
    {
        FundingObservationStatus.SeenInMempool => "Seen in mempool",
        FundingObservationStatus.Confirming => "Confirming",
        FundingObservationStatus.Confirmed => "Confirmed, awaiting credit",
        FundingObservationStatus.Credited => "Credited",
        FundingObservationStatus.Dropped => "Dropped",
        _ => status,
    };

    public static StatusTone Tone(string status) => status switch
    {
        FundingObservationStatus.Credited => StatusTone.Good,
        FundingObservationStatus.Confirmed => StatusTone.Attention,
        FundingObservationStatus.Dropped => StatusTone.Bad,
        _ => StatusTone.Info,
    };

    public static string Chain(string chain) => chain == FundingAssets.Bitcoin ? "Bitcoin" : "Gnosis";

    /// <summary>What a step changed, read against the step before it: fewer confirmations than before means a block left the chain.</summary>
    public static string Step(FundingStepView step, FundingStepView? before) => step.Status switch
    {
        FundingObservationStatus.SeenInMempool when before is not null => "Back in the mempool: its block left the chain",
        FundingObservationStatus.SeenInMempool => "Seen in the mempool",
        FundingObservationStatus.Confirming when before is { Confirmations: var was } && step.Confirmations < was =>
            $"Back to {Confirmations(step.Confirmations)}: a block left the chain",
        FundingObservationStatus.Confirming => Confirmations(step.Confirmations),
        FundingObservationStatus.Confirmed => $"Confirmed with {Confirmations(step.Confirmations)}",
        FundingObservationStatus.Credited => "Credited by the bridge",
        FundingObservationStatus.Dropped => "Dropped: it left the mempool unconfirmed",
        _ => step.Status,
    };

    static string Confirmations(int n) => n == 1 ? "1 confirmation" : $"{n} confirmations";
}
