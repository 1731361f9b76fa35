namespace OpsConsole.Features.Funding.Esplora;

/// <summary>A transaction's status as Esplora writes it: unconfirmed (in the mempool), or confirmed in a block of this height.</summary>
public sealed record EsploraStatus(bool Confirmed, long? BlockHeight = null, string? BlockHash = null, long? BlockTime = null);
