namespace OpsConsole.Features.Funding.Gnosis;

/// <summary>One Transfer event of the EURe contract to a handle's address: where it was logged, and the EURe it moves.
/// <see cref="Removed"/> is set when the node says the block that held it left the chain.</summary>
public sealed record EureTransferLog(string TxHash, long BlockNumber, string BlockHash, long LogIndex, decimal Amount, bool Removed);
