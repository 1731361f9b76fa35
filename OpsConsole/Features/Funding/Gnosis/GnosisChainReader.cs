using Microsoft.Extensions.Options;
using OpsConsole.Domain.Funding;

namespace OpsConsole.Features.Funding.Gnosis;

/// <summary>
/// Reads an EURe handle over Gnosis JSON-RPC: the EURe Transfer logs to the handle's address from the handle's cursor (less the blocks a reorg could still replace; a day back for a handle never read) to the tip, and, for
/// each open transfer those logs do not show, where it stands now. A log the node marks removed is no sighting. An open
/// transfer is in a block only if its receipt names a block that is still the chain's block at that height; otherwise it
/// is waiting to be mined again when the node still knows it, and gone when not. Several transfers of one transaction to
/// the handle add up.
/// </summary>
public sealed class GnosisChainReader(GnosisRpcClient rpc, IOptions<GnosisSettings> settings) : IFundingChainReader
{
    /// <summary>Many public endpoints refuse eth_getLogs over wider ranges.</summary>
    public const int BlocksPerRequest = 1_000;

    public string Chain => FundingAssets.Gnosis;

    public string Source => settings.Value.Mode.ToString().ToLowerInvariant();

    public int RequiredConfirmations => settings.Value.RequiredConfirmations;

    public Task<long> TipAsync(CancellationToken ct) => rpc.BlockNumberAsync(ct);

    public async Task<ChainReading> ReadAsync(FundingHandle handle, long tip, IReadOnlyList<FundingObservationCurrent> open, long? scannedToBlock,
        CancellationToken ct)
    {
        var s = settings.Value;
        // The last RequiredConfirmations blocks are read again: a block that replaced one of them may hold a new transfer.
        var from = Math.Max(0, scannedToBlock is { } done ? done + 1 - s.RequiredConfirmations : tip + 1 - s.LookbackBlocks);
        var logs = new List<EureTransferLog>();
        for (var start = from; start <= tip; start += BlocksPerRequest)
            logs.AddRange(await rpc.TransfersToAsync(s.EureContract, handle.DepositAddress, start, Math.Min(tip, start + BlocksPerRequest - 1), ct));
        var transfers = InBlocks(logs.Where(l => !l.Removed), tip);
        foreach (var missing in open.Where(o => !transfers.ContainsKey(o.TxHash)))
            transfers[missing.TxHash] = await WhereNowAsync(missing, handle, tip, ct);
        return new ChainReading(transfers, tip);
    }

    /// <summary>Each transaction's transfers, summed within its block; should a reorg between two requests show it in two
    /// blocks, the later block is where it is.</summary>
    static Dictionary<string, ChainTransfer> InBlocks(IEnumerable<EureTransferLog> logs, long tip) =>
        logs.GroupBy(l => l.TxHash, StringComparer.Ordinal)
            .Select(tx => tx.GroupBy(l => (l.BlockNumber, l.BlockHash)).MaxBy(b => b.Key.BlockNumber)!)
            .ToDictionary(b => b.First().TxHash, b => new ChainTransfer(ChainSighting.InBlock(b.Key.BlockNumber, tip), b.Sum(l => l.Amount)), StringComparer.Ordinal);

    async Task<ChainTransfer> WhereNowAsync(FundingObservationCurrent missing, FundingHandle handle, long tip, CancellationToken ct)
    {
        var receipt = await rpc.ReceiptAsync(missing.TxHash, settings.Value.EureContract, handle.DepositAddress, ct);
        if (receipt is not null && await rpc.BlockHashAsync(receipt.BlockNumber, ct) == receipt.BlockHash)
            // Mined again without paying the handle (reverted, say): it is no deposit any more.
            return receipt.Transfers.Count == 0
                ? new(ChainSighting.Gone(tip), missing.Amount)
                : new(ChainSighting.InBlock(receipt.BlockNumber, tip), receipt.Transfers.Sum(t => t.Amount));
        return new(await rpc.KnowsAsync(missing.TxHash, ct) ? ChainSighting.InMempool(tip) : ChainSighting.Gone(tip), missing.Amount);
    }
}
