using OpsConsole.Domain.Bitcoin;

namespace OpsConsole.Features.Funding.Simulation;

/// <summary>A payment on the simulated chain: its txid and its outputs.</summary>
public sealed record SimulatedTransaction(string Txid, IReadOnlyList<SimulatedTransaction.Output> Outputs)
{
    public sealed record Output(string Address, BitcoinAddressType Type, string ScriptPubKeyHex, long Satoshis);
}
