using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpsConsole.Domain.Bitcoin;

namespace OpsConsole.Features.Funding.Simulation;

/// <summary>
/// Serves <see cref="SimulatedBitcoinChain"/> as Esplora does, under the real <see cref="Esplora.EsploraClient"/>: an
/// address's transactions newest first (up to 50 mempool then up to 25 confirmed), its mempool ones, its confirmed ones
/// after a txid (25 a page), the tip's height and hash as plain text, and a transaction's status; anything else is 404.
/// </summary>
public sealed class SimulatedEsploraHandler(SimulatedBitcoinChain chain) : HttpMessageHandler
{
    const int MempoolPage = 50;
    const int ChainPage = 25;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var answer = (request.Method.Method, segments) switch
        {
            ("GET", ["address", var a, "txs"]) => History(a, mempool: MempoolPage, after: null),
            ("GET", ["address", var a, "txs", "mempool"]) => History(a, mempool: MempoolPage, after: null, confirmed: false),
            ("GET", ["address", var a, "txs", "chain"]) => History(a, mempool: 0, after: null),
            ("GET", ["address", var a, "txs", "chain", var txid]) => History(a, mempool: 0, after: txid),
            ("GET", ["blocks", "tip", "height"]) => Text(chain.TipHeight.ToString(CultureInfo.InvariantCulture)),
            ("GET", ["blocks", "tip", "hash"]) => Text(chain.Read().TipHash),
            ("GET", ["tx", var txid, "status"]) => Status(txid),
            _ => NotFound("Not found"),
        };
        return Task.FromResult(answer);
    }

    HttpResponseMessage History(string address, int mempool, string? after, bool confirmed = true)
    {
        var (_, _, blocks, pool) = chain.Read();
        var array = new JsonArray();
        foreach (var tx in pool.Where(t => Pays(t, address)).Reverse().Take(mempool))
            array.Add(Transaction(tx, null));
        if (confirmed)
        {
            var history = blocks.Reverse().SelectMany(b => b.Transactions.Reverse().Select(t => (Block: b, Tx: t))).Where(p => Pays(p.Tx, address)).ToList();
            var start = after is null ? 0 : history.FindIndex(p => p.Tx.Txid == after) + 1;
            if (after is not null && start == 0)
                return NotFound($"Transaction {after} is not in the address's confirmed history");
            foreach (var (block, tx) in history.Skip(start).Take(ChainPage))
                array.Add(Transaction(tx, block));
        }
        return Json(array);
    }

    HttpResponseMessage Status(string txid)
    {
        var (_, _, blocks, pool) = chain.Read();
        if (blocks.FirstOrDefault(b => b.Transactions.Any(t => t.Txid == txid)) is { } block)
            return Json(StatusOf(block));
        return pool.Any(t => t.Txid == txid) ? Json(StatusOf(null)) : NotFound("Transaction not found");
    }

    static bool Pays(SimulatedTransaction tx, string address) => tx.Outputs.Any(o => o.Address == address);

    static JsonObject Transaction(SimulatedTransaction tx, SimulatedBlock? block) => new()
    {
        ["txid"] = tx.Txid,
        ["version"] = 2,
        ["locktime"] = 0,
        ["vin"] = new JsonArray(new JsonObject
        {
            // The simulation keeps no wallet: each payment spends a made-up output of its own.
            ["txid"] = new string(tx.Txid.Reverse().ToArray()),
            ["vout"] = 0,
            ["prevout"] = null,
            ["scriptsig"] = "",
            ["scriptsig_asm"] = "",
            ["witness"] = new JsonArray(),
            ["is_coinbase"] = false,
            ["sequence"] = 4294967293,
        }),
        ["vout"] = new JsonArray([.. tx.Outputs.Select(o => (JsonNode)new JsonObject
        {
            ["scriptpubkey"] = o.ScriptPubKeyHex,
            ["scriptpubkey_type"] = TypeName(o.Type),
            ["scriptpubkey_address"] = o.Address,
            ["value"] = o.Satoshis,
        })]),
        ["size"] = 222,
        ["weight"] = 561,
        ["fee"] = 141,
        ["status"] = StatusOf(block),
    };

    static JsonObject StatusOf(SimulatedBlock? block) => block is null
        ? new JsonObject { ["confirmed"] = false }
        : new JsonObject
        {
            ["confirmed"] = true,
            ["block_height"] = block.Height,
            ["block_hash"] = block.Hash,
            ["block_time"] = block.MinedAt.ToUnixTimeSeconds(),
        };

    static string TypeName(BitcoinAddressType type) => type switch
    {
        BitcoinAddressType.P2PKH => "p2pkh",
        BitcoinAddressType.P2SH => "p2sh",
        BitcoinAddressType.P2WPKH => "v0_p2wpkh",
        BitcoinAddressType.P2WSH => "v0_p2wsh",
        _ => "v1_p2tr",
    };

    static HttpResponseMessage Json(JsonNode body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    static HttpResponseMessage Text(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };

    static HttpResponseMessage NotFound(string message) => new(HttpStatusCode.NotFound) { Content = new StringContent(message, Encoding.UTF8, "text/plain") };
}
