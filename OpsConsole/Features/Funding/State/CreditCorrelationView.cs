namespace OpsConsole.Features.Funding.State;

/// <summary>A transfer the bridge credited: the observed tx hash beside the bridge deposit's, the handle and when it was credited.</summary>
public sealed record CreditCorrelationView(string TxHash, string BridgeDepositTxHash, Guid FundingHandle, string Asset, decimal Amount,
    DateTimeOffset? CreditedAt);
