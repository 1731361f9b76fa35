namespace OpsConsole.Features.Funding.State;

/// <summary>
/// The latest observation of one transfer: its status and confirmations, the amount it sends to the handle, when it was
/// first and last seen and observed, and, once credited, the bridge's deposit hash and credit time. <see cref="Credited"/>
/// is false for every status but credited: such an amount is on its way, not spendable.
/// </summary>
public sealed record FundingTransferView(
    string TxHash, string Status, decimal Amount, int Confirmations, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt,
    DateTimeOffset ObservedAt, bool Credited, DateTimeOffset? CreditedAt, string? BridgeDepositTxHash);
