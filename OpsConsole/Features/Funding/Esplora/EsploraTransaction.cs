namespace OpsConsole.Features.Funding.Esplora;

/// <summary>A transaction as Esplora writes it, keeping the fields the observer reads: its id, outputs and status.</summary>
public sealed record EsploraTransaction(string Txid, IReadOnlyList<EsploraOutput> Vout, EsploraStatus Status)
{
    /// <summary>The satoshis this transaction sends to <paramref name="address"/>: the sum of its outputs to that address.</summary>
    public long SatoshisTo(string address) => Vout.Where(o => string.Equals(o.ScriptpubkeyAddress, address, StringComparison.Ordinal)).Sum(o => o.Value);
}
