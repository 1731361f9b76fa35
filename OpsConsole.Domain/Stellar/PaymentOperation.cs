namespace OpsConsole.Domain.Stellar;

/// <summary>PAYMENT of <see cref="Amount"/> stroops of <see cref="Asset"/> to <see cref="Destination"/> (G…).
/// <see cref="SourceAccount"/> is the operation's own source (G…), or null for the transaction's.</summary>
public sealed record PaymentOperation(string? SourceAccount, string Destination, StellarAsset Asset, long Amount);
