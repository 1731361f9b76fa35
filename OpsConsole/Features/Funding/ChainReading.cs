namespace OpsConsole.Features.Funding;

/// <summary>One read of a chain for one handle: each transfer by its lower-case tx hash, and, for a chain read from a
/// cursor, the highest block whose logs were read (null where the chain is read whole each time).</summary>
public sealed record ChainReading(IReadOnlyDictionary<string, ChainTransfer> Transfers, long? ScannedToBlock = null);
