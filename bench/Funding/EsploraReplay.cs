using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// A local Esplora on 127.0.0.1 answering from bodies written before the run in Esplora's documented shapes: per address,
/// one confirmed payment and one in the mempool, each a whole transaction (vin, vout, size, weight, fee, status); the tip
/// as plain text; a status by txid. Counts every request by route, so a pass can be told what it asked for per handle.
/// </summary>
sealed class EsploraReplay : IAsyncDisposable
{
    public const long Tip = 1000;
    const string Change = "bcrt1qdmd7pwj878n55u4pvyhjfecdy56rytvp8xshrd";
    readonly Dictionary<string, string> byAddress;
    readonly Dictionary<string, string> statusByTxid = [];
    readonly ConcurrentDictionary<string, int> counts = new();
    readonly WebApplication app;

    EsploraReplay(IReadOnlyList<string> addresses, WebApplication app)
    {
        this.app = app;
        byAddress = addresses.ToDictionary(a => a, a =>
        {
            var (confirmed, waiting) = (Txid($"confirmed to {a}"), Txid($"mempool to {a}"));
            statusByTxid[confirmed] = InBlock(Tip - 5);
            statusByTxid[waiting] = """{"confirmed":false}""";
            return $"[{Tx(waiting, a, statusByTxid[waiting], 12_500_000)},{Tx(confirmed, a, statusByTxid[confirmed], 50_000_000)}]";
        });
    }

    public Uri Url => new(app.Urls.Single() + "/");

    public IReadOnlyDictionary<string, int> Counts => counts;

    public void ResetCounts() => counts.Clear();

    public static async Task<EsploraReplay> StartAsync(IReadOnlyList<string> addresses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var replay = new EsploraReplay(addresses, app);
        app.MapGet("/blocks/tip/height", () => replay.Answer("tip", Tip.ToString(CultureInfo.InvariantCulture), "text/plain"));
        app.MapGet("/address/{address}/txs", (string address) =>
            replay.byAddress.TryGetValue(address, out var body) ? replay.Answer("address txs", body) : Results.NotFound());
        app.MapGet("/address/{address}/txs/chain/{after}", (string address, string after) => replay.Answer("address txs chain", "[]"));
        app.MapGet("/tx/{txid}/status", (string txid) =>
            replay.statusByTxid.TryGetValue(txid, out var body) ? replay.Answer("tx status", body) : Results.NotFound());
        await app.StartAsync();
        return replay;
    }

    IResult Answer(string route, string body, string type = "application/json")
    {
        counts.AddOrUpdate(route, 1, (_, n) => n + 1);
        return Results.Text(body, type, Encoding.UTF8);
    }

    static string Txid(string label) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label)));

    static string InBlock(long height) => $$"""
        {"confirmed":true,"block_height":{{height}},"block_hash":"{{Txid($"block {height}")}}","block_time":{{1764950000 + height * 600}}}
        """;

    static string Tx(string txid, string address, string status, long satoshis) => $$"""
        {"txid":"{{txid}}","version":2,"locktime":0,
         "vin":[{"txid":"{{Txid($"funding of {txid}")}}","vout":1,
                 "prevout":{"scriptpubkey":"0014751e76e8199196d454941c45d1b3a323f1433bd6","scriptpubkey_asm":"OP_0 OP_PUSHBYTES_20 751e76e8199196d454941c45d1b3a323f1433bd6","scriptpubkey_type":"v0_p2wpkh","scriptpubkey_address":"bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080","value":{{satoshis + 41_441}}},
                 "scriptsig":"","scriptsig_asm":"","witness":["3044022047ac8e878352d3ebbde1c94ce3a10d057c24175747116f8288e5d794d12d482f0220217f36a485cae903c713331d877c1f64677e3622ad4010726870540656fe9dcb01","0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"],
                 "is_coinbase":false,"sequence":4294967293}],
         "vout":[{"scriptpubkey":"0014","scriptpubkey_asm":"OP_0","scriptpubkey_type":"v0_p2wpkh","scriptpubkey_address":"{{address}}","value":{{satoshis}}},
                 {"scriptpubkey":"0014","scriptpubkey_asm":"OP_0","scriptpubkey_type":"v0_p2wpkh","scriptpubkey_address":"{{Change}}","value":41300}],
         "size":222,"weight":561,"fee":141,"status":{{status}}}
        """;

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
