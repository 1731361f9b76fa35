using Microsoft.Extensions.Options;
using OpsConsole.Domain.Funding;

namespace OpsConsole.Features.Funding.Esplora;

/// <summary>
/// Reads a BTC handle from Esplora whole each time: the address's transactions (page by page) and the status of each open
/// transfer the address no longer lists (gone when Esplora no longer knows it), against the tip read at the start of the
/// pass. A transfer's amount is the sum of its outputs to the handle's address.
/// </summary>
public sealed class BitcoinChainReader(EsploraClient esplora, IOptions<BitcoinSettings> settings) : IFundingChainReader
{

    public string Chain => FundingAssets.Bitcoin;

    public string Source => settings.Value.Mode.ToString().ToLowerInvariant();

    public int RequiredConfirmations => settings.Value.RequiredConfirmations;

    public Task<long> TipAsync(CancellationToken ct) => esplora.TipHeightAsync(ct);

    /// <remarks>A block found after the pass read the tip counts one confirmation (never none) until the next pass.</remarks>
    public async Task<ChainReading> ReadAsync(FundingHandle handle, long tip, IReadOnlyList<FundingObservationCurrent> open, long? scannedToBlock,
        CancellationToken ct)
    {
        var listed = await esplora.AddressTransactionsAsync(handle.DepositAddress, ct);
        var transfers = listed.ToDictionary(t => t.Txid.ToLowerInvariant(),
            t => new ChainTransfer(Sighting(t.Status, tip), t.SatoshisTo(handle.DepositAddress) / FundingAssets.SatoshisPerBtc));
        foreach (var missing in open.Where(o => !transfers.ContainsKey(o.TxHash)))
        {
            var status = await esplora.TransactionStatusAsync(missing.TxHash, ct);
            transfers[missing.TxHash] = new(status is null ? ChainSighting.Gone(tip) : Sighting(status, tip), missing.Amount);
        }
        return new ChainReading(transfers);
    }

    static ChainSighting Sighting(EsploraStatus status, long tip) =>
        status is { Confirmed: true, BlockHeight: { } height } ? ChainSighting.InBlock(height, tip) : ChainSighting.InMempool(tip);
}
