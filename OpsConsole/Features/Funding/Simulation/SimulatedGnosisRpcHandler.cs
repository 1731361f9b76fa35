using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using OpsConsole.Features.Funding.Gnosis;

namespace OpsConsole.Features.Funding.Simulation;

/// <summary>
/// Serves <see cref="SimulatedGnosisChain"/> as an Ethereum JSON-RPC node does, under the real <see cref="GnosisRpcClient"/>:
/// eth_chainId, eth_blockNumber, eth_getLogs (the EURe contract's Transfer events, filtered by block range, address and
/// topics), eth_getTransactionReceipt, eth_getBlockByNumber and eth_getTransactionByHash, one call or a batch; any other
/// method answers JSON-RPC's "method not found".
/// </summary>
public sealed class SimulatedGnosisRpcHandler(SimulatedGnosisChain chain) : HttpMessageHandler
{
    const long GnosisChainId = 100;

    static readonly HashSet<string> Methods =
        ["eth_chainId", "eth_blockNumber", "eth_getLogs", "eth_getTransactionReceipt", "eth_getBlockByNumber", "eth_getTransactionByHash"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct));
        JsonNode answer = body is JsonArray batch ? new JsonArray([.. batch.Select(Answer)]) : Answer(body);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") };
    }

    JsonNode Answer(JsonNode? call)
    {
        var id = call?["id"]?.DeepClone();
        var method = (string?)call?["method"];
        if (method is null || !Methods.Contains(method))
            return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["error"] = new JsonObject { ["code"] = -32601, ["message"] = "the method does not exist/is not available" } };
        var args = call?["params"] as JsonArray ?? [];
        var (tip, blocks, waiting) = chain.Read();
        JsonNode? result = method switch
        {
            "eth_chainId" => Hex(GnosisChainId),
            "eth_blockNumber" => Hex(tip),
            "eth_getLogs" => Logs(blocks, args[0]!, tip),
            "eth_getTransactionReceipt" => Receipt(blocks, (string)args[0]!),
            "eth_getBlockByNumber" => Block(blocks, Number((string)args[0]!, tip), tip),
            _ => Transaction(blocks, waiting, (string)args[0]!),
        };
        return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result };
    }

    JsonArray Logs(IReadOnlyList<SimulatedGnosisBlock> blocks, JsonNode filter, long tip)
    {
        var (from, to) = (Number((string?)filter["fromBlock"] ?? "latest", tip), Number((string?)filter["toBlock"] ?? "latest", tip));
        var addresses = filter["address"] switch
        {
            JsonArray many => many.Select(a => (string)a!).ToList(),
            JsonValue one => [(string)one!],
            _ => null,
        };
        var topics = filter["topics"] as JsonArray ?? [];
        var logs = new JsonArray();
        foreach (var block in blocks.Where(b => b.Number >= from && b.Number <= to))
            foreach (var (transfer, index) in block.Transfers.Select((t, i) => (t, i)))
            {
                var log = Log(block, transfer, index);
                if ((addresses is null || addresses.Any(a => AddressUtil.Current.AreAddressesTheSame(a, chain.EureContract))) && Matches(log, topics))
                    logs.Add(log);
            }
        return logs;
    }

    /// <summary>Each topic position is null (anything), one value, or a list of values, as eth_getLogs takes them.</summary>
    static bool Matches(JsonObject log, JsonArray wanted)
    {
        var topics = log["topics"]!.AsArray().Select(t => (string)t!).ToList();
        for (var i = 0; i < wanted.Count; i++)
        {
            var accepted = wanted[i] switch
            {
                null => null,
                JsonArray any => any.Select(t => ((string)t!).ToLowerInvariant()).ToList(),
                var one => [((string)one!).ToLowerInvariant()],
            };
            if (accepted is not null && (i >= topics.Count || !accepted.Contains(topics[i])))
                return false;
        }
        return true;
    }

    JsonNode? Receipt(IReadOnlyList<SimulatedGnosisBlock> blocks, string txHash)
    {
        if (Find(blocks, txHash) is not var (block, transfer, index))
            return null;
        return new JsonObject
        {
            ["transactionHash"] = transfer.TxHash,
            ["transactionIndex"] = Hex(index),
            ["blockHash"] = block.Hash,
            ["blockNumber"] = Hex(block.Number),
            ["from"] = transfer.From.ToLowerInvariant(),
            ["to"] = chain.EureContract.ToLowerInvariant(),
            ["cumulativeGasUsed"] = Hex(35_000 * (index + 1)),
            ["gasUsed"] = Hex(35_000),
            ["effectiveGasPrice"] = Hex(1_000_000_007),
            ["contractAddress"] = null,
            ["logs"] = new JsonArray(Log(block, transfer, index)),
            ["logsBloom"] = "0x" + new string('0', 512),
            ["status"] = "0x1",
            ["type"] = "0x2",
        };
    }

    static JsonNode? Block(IReadOnlyList<SimulatedGnosisBlock> blocks, long number, long tip)
    {
        if (number > tip)
            return null;
        var block = blocks.FirstOrDefault(b => b.Number == number);
        return new JsonObject
        {
            ["number"] = Hex(number),
            ["hash"] = block?.Hash ?? SimulatedGnosisChain.EarlierBlockHash(number),
            ["parentHash"] = block?.ParentHash ?? SimulatedGnosisChain.EarlierBlockHash(number - 1),
            ["timestamp"] = Hex(block?.MinedAt.ToUnixTimeSeconds() ?? 0),
            ["gasLimit"] = Hex(17_000_000),
            ["gasUsed"] = Hex(35_000 * (block?.Transfers.Count ?? 0)),
            ["miner"] = "0x" + new string('0', 40),
            ["transactions"] = new JsonArray([.. (block?.Transfers ?? []).Select(t => (JsonNode)t.TxHash)]),
        };
    }

    JsonNode? Transaction(IReadOnlyList<SimulatedGnosisBlock> blocks, IReadOnlyList<SimulatedEureTransfer> waiting, string txHash)
    {
        var mined = Find(blocks, txHash);
        var transfer = mined?.Transfer ?? waiting.FirstOrDefault(t => t.TxHash == txHash);
        if (transfer is null)
            return null;
        return new JsonObject
        {
            ["hash"] = transfer.TxHash,
            ["blockHash"] = mined?.Block.Hash,
            ["blockNumber"] = mined is { } m ? Hex(m.Block.Number) : null,
            ["transactionIndex"] = mined is { } i ? Hex(i.Index) : null,
            ["from"] = transfer.From.ToLowerInvariant(),
            ["to"] = chain.EureContract.ToLowerInvariant(),
            ["value"] = "0x0",
            ["gas"] = Hex(60_000),
            ["nonce"] = Hex(0),
            ["input"] = "0xa9059cbb" + Erc20Transfers.AddressTopic(transfer.To)[2..] + Word(Erc20Transfers.Units(transfer.Amount)),
        };
    }

    JsonObject Log(SimulatedGnosisBlock block, SimulatedEureTransfer transfer, int index) => new()
    {
        ["address"] = chain.EureContract.ToLowerInvariant(),
        ["topics"] = new JsonArray(Erc20Transfers.Topic, Erc20Transfers.AddressTopic(transfer.From), Erc20Transfers.AddressTopic(transfer.To)),
        ["data"] = "0x" + Word(Erc20Transfers.Units(transfer.Amount)),
        ["blockNumber"] = Hex(block.Number),
        ["blockHash"] = block.Hash,
        ["transactionHash"] = transfer.TxHash,
        ["transactionIndex"] = Hex(index),
        ["logIndex"] = Hex(index),
        ["removed"] = false,
    };

    static (SimulatedGnosisBlock Block, SimulatedEureTransfer Transfer, int Index)? Find(IReadOnlyList<SimulatedGnosisBlock> blocks, string txHash)
    {
        foreach (var block in blocks)
            for (var i = 0; i < block.Transfers.Count; i++)
                if (string.Equals(block.Transfers[i].TxHash, txHash, StringComparison.OrdinalIgnoreCase))
                    return (block, block.Transfers[i], i);
        return null;
    }

    static long Number(string tag, long tip) => tag switch
    {
        "latest" or "pending" or "safe" or "finalized" => tip,
        "earliest" => 0,
        _ => long.Parse(tag.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
    };

    static string Hex(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>A uint256 as ABI encodes it: 64 hex digits.</summary>
    static string Word(BigInteger value) => value.ToByteArray(isUnsigned: true, isBigEndian: true).ToHex().PadLeft(64, '0');
}
