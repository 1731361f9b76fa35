namespace OpsConsole.Features.Funding.Gnosis;

/// <summary>A mined transaction's receipt as far as a deposit goes: its block, and the EURe transfers to the handle it logged.</summary>
public sealed record EureReceipt(long BlockNumber, string BlockHash, IReadOnlyList<EureTransferLog> Transfers);
