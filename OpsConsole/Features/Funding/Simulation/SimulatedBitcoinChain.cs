using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpsConsole.Domain.Bitcoin;

namespace OpsConsole.Features.Funding.Simulation;

/// <summary>
/// An in-process Bitcoin chain for demo and tests: it mines a block every 30 s of its clock (worked out from the clock
/// whenever it is asked, so a test moves time and the blocks follow), taking in everything in its mempool. It can be
/// sent a payment to an address, told to drop a mempool transaction, and told to reorg: its last blocks leave the chain
/// and their transactions go back to the mempool, the next block coming at its usual time. <see cref="SimulatedEsploraHandler"/>
/// serves it in Esplora's HTTP shapes.
/// </summary>
public sealed class SimulatedBitcoinChain(TimeProvider time, BitcoinNetwork network)
{
    public static readonly TimeSpan BlockEvery = TimeSpan.FromSeconds(30);

    /// <summary>The tip's height when the chain starts.</summary>
    public const long StartHeight = 200;

    readonly Lock gate = new();
    readonly DateTimeOffset genesis = time.GetUtcNow();
    readonly List<SimulatedBlock> blocks = [];
    readonly List<SimulatedTransaction> mempool = [];
    long slots;
    int payments;

    public BitcoinNetwork Network => network;

    public long TipHeight
    {
        get
        {
            lock (gate)
            {
                Advance();
                return Tip;
            }
        }
    }

    /// <summary>The time the next block is mined.</summary>
    public DateTimeOffset NextBlockAt
    {
        get
        {
            lock (gate)
            {
                Advance();
                return genesis + (slots + 1) * BlockEvery;
            }
        }
    }

    /// <summary>Sends <paramref name="satoshis"/> to <paramref name="address"/> (valid on the chain's network) in a new
    /// mempool transaction; returns its txid.</summary>
    public string Pay(string address, long satoshis)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(satoshis);
        var check = BitcoinAddressCodec.Check(address, network);
        if (!check.IsValid)
            throw new ArgumentException($"Not a {BitcoinNetworks.Name(network)} address: {check.Reason}", nameof(address));
        lock (gate)
        {
            Advance();
            var txid = Hash($"simulated payment {++payments} to {check.Address} of {satoshis}");
            mempool.Add(new(txid, [new(check.Address, check.Type!.Value, check.ScriptPubKeyHex!, satoshis)]));
            return txid;
        }
    }

    /// <summary>Removes the transaction from the mempool, as an eviction or a replacement does; false when it is not there.</summary>
    public bool Drop(string txid)
    {
        lock (gate)
        {
            Advance();
            return mempool.RemoveAll(t => t.Txid == txid) > 0;
        }
    }

    /// <summary>Takes the last <paramref name="depth"/> blocks off the chain; their transactions go back to the mempool.</summary>
    public void Reorg(int depth)
    {
        lock (gate)
        {
            Advance();
            var taken = blocks.TakeLast(Math.Min(depth, blocks.Count)).ToList();
            blocks.RemoveRange(blocks.Count - taken.Count, taken.Count);
            mempool.InsertRange(0, taken.SelectMany(b => b.Transactions));
        }
    }

    /// <summary>The chain as it stands now: its tip, blocks (oldest first) and mempool (oldest first).</summary>
    public (long Tip, string TipHash, IReadOnlyList<SimulatedBlock> Blocks, IReadOnlyList<SimulatedTransaction> Mempool) Read()
    {
        lock (gate)
        {
            Advance();
            return (Tip, TipHash, [.. blocks], [.. mempool]);
        }
    }

    long Tip => StartHeight + blocks.Count;

    string TipHash => blocks.Count > 0 ? blocks[^1].Hash : Hash($"simulated block {StartHeight}");

    void Advance()
    {
        var due = (time.GetUtcNow() - genesis).Ticks / BlockEvery.Ticks;
        while (slots < due)
        {
            slots++;
            var height = Tip + 1;
            var at = genesis + slots * BlockEvery;
            blocks.Add(new(height, Hash($"simulated block {height} at {at.UtcTicks.ToString(CultureInfo.InvariantCulture)} after {TipHash}"), at, [.. mempool]));
            mempool.Clear();
        }
    }

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
