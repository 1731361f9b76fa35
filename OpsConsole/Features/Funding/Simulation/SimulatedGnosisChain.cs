using System.Globalization;
using Nethereum.Util;
using OpsConsole.Domain.Funding;

namespace OpsConsole.Features.Funding.Simulation;

/// <summary>
/// An in-process Gnosis chain for demo and tests: a block every 5 s of its clock, as Gnosis makes them (worked out from
/// the clock whenever it is asked, so a test moves time and the blocks follow), each taking in every transfer waiting. It
/// can be sent an EURe payment to an address and told to reorg: its last blocks leave the chain, their transfers wait to
/// be mined again, and the blocks that replace them get new hashes. <see cref="SimulatedGnosisRpcHandler"/> serves it as
/// Ethereum JSON-RPC.
/// </summary>
public sealed class SimulatedGnosisChain(TimeProvider time, string eureContract)
{
    public static readonly TimeSpan BlockEvery = TimeSpan.FromSeconds(5);

    /// <summary>The tip's height when the chain starts: near Gnosis's own, so the numbers look like the chain's.</summary>
    public const long StartHeight = 40_000_000;

    /// <summary>Who pays in the simulation: an address made from a hash, nobody's key.</summary>
    public static readonly string Sender = AddressUtil.Current.ConvertToChecksumAddress("0x" + Hash("opsconsole simulated EURe sender")[^40..]);

    readonly Lock gate = new();
    readonly DateTimeOffset genesis = time.GetUtcNow();
    readonly List<SimulatedGnosisBlock> blocks = [];
    readonly List<SimulatedEureTransfer> waiting = [];
    long slots;
    int payments;

    /// <summary>The EURe contract whose Transfer events the chain logs.</summary>
    public string EureContract => eureContract;

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

    /// <summary>Sends <paramref name="amount"/> EURe to <paramref name="address"/> (a checksummed Gnosis address) in a new
    /// transaction that waits for the next block; returns its hash.</summary>
    public string Pay(string address, decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (GnosisAddress.Problem(address) is { } problem)
            throw new ArgumentException(problem, nameof(address));
        lock (gate)
        {
            Advance();
            var tx = "0x" + Hash($"simulated EURe payment {++payments} to {address} of {amount.ToString(CultureInfo.InvariantCulture)}");
            waiting.Add(new(tx, Sender, address, amount));
            return tx;
        }
    }

    /// <summary>Takes the last <paramref name="depth"/> blocks off the chain; their transfers wait to be mined again.</summary>
    public void Reorg(int depth)
    {
        lock (gate)
        {
            Advance();
            var taken = blocks.TakeLast(Math.Min(depth, blocks.Count)).ToList();
            blocks.RemoveRange(blocks.Count - taken.Count, taken.Count);
            waiting.InsertRange(0, taken.SelectMany(b => b.Transfers));
        }
    }

    /// <summary>The chain as it stands now: its tip, blocks since the start (oldest first) and the transfers waiting.</summary>
    public (long Tip, IReadOnlyList<SimulatedGnosisBlock> Blocks, IReadOnlyList<SimulatedEureTransfer> Waiting) Read()
    {
        lock (gate)
        {
            Advance();
            return (Tip, [.. blocks], [.. waiting]);
        }
    }

    /// <summary>The hash of a block before the simulation started, made from its height.</summary>
    public static string EarlierBlockHash(long number) => "0x" + Hash($"simulated gnosis block {number.ToString(CultureInfo.InvariantCulture)}");

    long Tip => StartHeight + blocks.Count;

    string TipHash => blocks.Count > 0 ? blocks[^1].Hash : EarlierBlockHash(StartHeight);

    void Advance()
    {
        var due = (time.GetUtcNow() - genesis).Ticks / BlockEvery.Ticks;
        while (slots < due)
        {
            slots++;
            var number = Tip + 1;
            var at = genesis + slots * BlockEvery;
            var hash = "0x" + Hash($"simulated gnosis block {number} at {at.UtcTicks.ToString(CultureInfo.InvariantCulture)} after {TipHash}");
            blocks.Add(new(number, hash, TipHash, at, [.. waiting]));
            waiting.Clear();
        }
    }

    static string Hash(string text) => Sha3Keccack.Current.CalculateHash(text);
}
