namespace OpsConsole.Features.Funding.State;

/// <summary>What is on its way in one asset and not yet credited by the bridge, in all and by status; none of it is spendable.</summary>
public sealed record UncreditedTotalView(string Asset, decimal UncreditedAmount, decimal SeenInMempool, decimal Confirming, decimal Confirmed,
    int Transfers);
