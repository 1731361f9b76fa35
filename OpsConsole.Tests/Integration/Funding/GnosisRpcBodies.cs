using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>
/// Gnosis JSON-RPC answers in the shapes an Ethereum node sends (hex quantities, 32-byte hashes, a log's address, topics,
/// data, blockNumber, blockHash, transactionHash, transactionIndex, logIndex and removed; a receipt; a block; a
/// transaction), written out by hand for a replay server, so the client's decoding is checked against the format and
/// not against itself. Each transfer is an EURe Transfer event from one sender to the handle.
/// </summary>
static class GnosisRpcBodies
{
    public const string Eure = "0x420CA0f9B9b604cE0fd9C18EF134C705e5Fa3430";
    public const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    public const string Sender = "0x4e2f5ba6e6d3e5c1d8e1c4a6f0b1a2c3d4e5f601";

    /// <summary>A 32-byte hash made from a label: 0x and 64 lower-case hex digits.</summary>
    public static string Hash(string label) => "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label)));

    /// <summary>The hash of block <paramref name="number"/> on a branch of the chain.</summary>
    public static string BlockHash(long number, string branch = "main") => Hash($"{branch} block {number}");

    public static string Hex(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>EURe in its 18-decimal units, as the 32-byte data word of a Transfer log.</summary>
    public static string Word(decimal eure)
    {
        var units = BigInteger.Parse((eure * 1_000_000_000_000_000_000m).ToString("0", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return "0x" + units.ToString("x", CultureInfo.InvariantCulture).PadLeft(64, '0');
    }

    public static string Topic(string address) => "0x" + new string('0', 24) + address[2..].ToLowerInvariant();

    public static string Log(string tx, long block, string to, decimal eure, int logIndex = 3, bool removed = false, string branch = "main") => $$"""
        {"address":"{{Eure.ToLowerInvariant()}}","topics":["{{TransferTopic}}","{{Topic(Sender)}}","{{Topic(to)}}"],
         "data":"{{Word(eure)}}","blockNumber":"{{Hex(block)}}","blockHash":"{{BlockHash(block, branch)}}",
         "transactionHash":"{{tx}}","transactionIndex":"0x2","logIndex":"{{Hex(logIndex)}}","removed":{{(removed ? "true" : "false")}}}
        """;

    public static string Receipt(string tx, long block, string branch, params string[] logs) => $$"""
        {"transactionHash":"{{tx}}","transactionIndex":"0x2","blockHash":"{{BlockHash(block, branch)}}","blockNumber":"{{Hex(block)}}",
         "from":"{{Sender}}","to":"{{Eure.ToLowerInvariant()}}","cumulativeGasUsed":"0x1a2b3","gasUsed":"0x8c4e","effectiveGasPrice":"0x3b9aca07",
         "contractAddress":null,"logs":[{{string.Join(",", logs)}}],"logsBloom":"0x{{new string('0', 512)}}","status":"0x1","type":"0x2"}
        """;

    public static string Block(long number, string hash) => $$"""
        {"number":"{{Hex(number)}}","hash":"{{hash}}","parentHash":"{{BlockHash(number - 1)}}","timestamp":"{{Hex(1764950000 + number * 5)}}",
         "gasLimit":"0x1036640","gasUsed":"0x8c4e","miner":"0x0000000000000000000000000000000000000000","transactions":[]}
        """;

    /// <summary>A transaction the node knows: waiting to be mined (no block) or in <paramref name="block"/>.</summary>
    public static string Transaction(string tx, long? block = null) => $$"""
        {"hash":"{{tx}}","blockHash":{{(block is { } b ? $"\"{BlockHash(b)}\"" : "null")}},"blockNumber":{{(block is { } n ? $"\"{Hex(n)}\"" : "null")}},
         "transactionIndex":{{(block is null ? "null" : "\"0x2\"")}},"from":"{{Sender}}","to":"{{Eure.ToLowerInvariant()}}","value":"0x0","gas":"0xea60","nonce":"0x11",
         "input":"0xa9059cbb"}
        """;
}
