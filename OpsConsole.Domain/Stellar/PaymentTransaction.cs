namespace OpsConsole.Domain.Stellar;

/// <summary>A v1 Transaction holding one payment: source (G…), total fee in stroops, sequence number, time bounds
/// and memo.</summary>
public sealed record PaymentTransaction(
    string SourceAccount, uint Fee, long Sequence, TimeBounds TimeBounds, StellarMemo Memo, PaymentOperation Payment);
