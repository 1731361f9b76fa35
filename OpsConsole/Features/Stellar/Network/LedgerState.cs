namespace OpsConsole.Features.Stellar.Network;

/// <summary>The latest closed ledger as the network reports it.</summary>
public sealed record LedgerState(long Sequence, DateTimeOffset? ClosedAt);
