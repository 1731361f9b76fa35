using System.Globalization;
using OpsConsole.Domain.Bitcoin;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>
/// Esplora's answers in the shapes its API documents (a transaction with vin, vout, size, weight, fee and status; a
/// status alone; the tip height as plain text), for a replay server to send. Each transaction spends one P2WPKH input
/// and pays the handle, sometimes in two outputs, and change to another address.
/// </summary>
static class EsploraBodies
{
    public const string ChangeAddress = "bcrt1qdmd7pwj878n55u4pvyhjfecdy56rytvp8xshrd";

    /// <summary>A txid made from a label, as 64 lower-case hex digits.</summary>
    public static string Txid(string label) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(label)));

    public static string Unconfirmed => """{"confirmed":false}""";

    public static string InBlock(long height) => $$"""
        {"confirmed":true,"block_height":{{height}},"block_hash":"{{Txid($"block {height}")}}","block_time":{{1764950000 + height * 600}}}
        """;

    /// <summary>A transaction paying <paramref name="handle"/> each of <paramref name="satoshis"/> (one output each) and 41,300 sats of change.</summary>
    public static string Tx(string txid, string handle, string status, params long[] satoshis)
    {
        var outputs = satoshis.Select(s => Output(handle, s)).Append(Output(ChangeAddress, 41_300));
        return $$"""
            {"txid":"{{txid}}","version":2,"locktime":0,
             "vin":[{"txid":"{{Txid($"funding of {txid}")}}","vout":1,
                     "prevout":{"scriptpubkey":"0014751e76e8199196d454941c45d1b3a323f1433bd6","scriptpubkey_asm":"OP_0 OP_PUSHBYTES_20 751e76e8199196d454941c45d1b3a323f1433bd6","scriptpubkey_type":"v0_p2wpkh","scriptpubkey_address":"bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080","value":{{satoshis.Sum() + 41_300 + 141}}},
                     "scriptsig":"","scriptsig_asm":"",
                     "witness":["3044022047ac8e878352d3ebbde1c94ce3a10d057c24175747116f8288e5d794d12d482f0220217f36a485cae903c713331d877c1f64677e3622ad4010726870540656fe9dcb01","0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"],
                     "is_coinbase":false,"sequence":4294967293}],
             "vout":[{{string.Join(",", outputs)}}],
             "size":222,"weight":561,"fee":141,
             "status":{{status}}}
            """;
    }

    public static string List(IEnumerable<string> transactions) => $"[{string.Join(",", transactions)}]";

    static string Output(string address, long satoshis)
    {
        var script = BitcoinAddressCodec.Check(address, BitcoinNetwork.Regtest).ScriptPubKeyHex!;
        return $$"""
            {"scriptpubkey":"{{script}}","scriptpubkey_asm":"OP_0 OP_PUSHBYTES_20 {{script[4..]}}","scriptpubkey_type":"v0_p2wpkh","scriptpubkey_address":"{{address}}","value":{{satoshis.ToString(CultureInfo.InvariantCulture)}}}
            """;
    }
}
