using System.Text.Json.Nodes;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>
/// What a replayed Gnosis JSON-RPC node answers now, set by the test step by step: the tip, the Transfer logs (eth_getLogs
/// answers those in the requested block range), receipts and transactions by hash (null when not set, as for an unknown
/// transaction), block hashes by height (the main branch's unless set), or a 503 for everything while it is down.
/// </summary>
sealed class GnosisRpcScript
{
    public long Tip { get; set; }
    public bool Down { get; set; }
    public List<(long Block, string Json)> Logs { get; } = [];
    public Dictionary<string, string> Receipts { get; } = [];
    public Dictionary<string, string> Transactions { get; } = [];
    public Dictionary<long, string> BlockHashes { get; } = [];

    public (int Status, string Body) Answer(ReplayServer.Received request)
    {
        if (Down)
            return (503, "Service Unavailable");
        var call = JsonNode.Parse(request.Body)!;
        var args = call["params"]!.AsArray();
        string? result = (string?)call["method"] switch
        {
            "eth_blockNumber" => $"\"{GnosisRpcBodies.Hex(Tip)}\"",
            "eth_getLogs" => $"[{string.Join(",", LogsIn(args[0]!))}]",
            "eth_getTransactionReceipt" => Receipts.GetValueOrDefault((string)args[0]!),
            "eth_getTransactionByHash" => Transactions.GetValueOrDefault((string)args[0]!),
            "eth_getBlockByNumber" => BlockAt(Number((string)args[0]!)),
            var other => throw new InvalidOperationException($"Unexpected JSON-RPC call {other}"),
        };
        return (200, $$"""{"jsonrpc":"2.0","id":{{call["id"]!.ToJsonString()}},"result":{{result ?? "null"}}}""");
    }

    /// <summary>The eth_getLogs calls the client sent, as (fromBlock, toBlock, filter).</summary>
    public static IEnumerable<(long From, long To, JsonNode Filter)> LogRequests(ReplayServer server) =>
        server.Requests.Select(r => JsonNode.Parse(r.Body)!).Where(c => (string?)c["method"] == "eth_getLogs")
            .Select(c => c["params"]![0]!).Select(f => (Number((string)f["fromBlock"]!), Number((string)f["toBlock"]!), f));

    IEnumerable<string> LogsIn(JsonNode filter)
    {
        var (from, to) = (Number((string)filter["fromBlock"]!), Number((string)filter["toBlock"]!));
        // topic2 is the handle: each handle of the test database asks for its own transfers.
        var handle = (string)filter["topics"]![2]!;
        return Logs.Where(l => l.Block >= from && l.Block <= to && l.Json.Contains(handle, StringComparison.Ordinal)).Select(l => l.Json);
    }

    string? BlockAt(long number) =>
        number > Tip ? null : GnosisRpcBodies.Block(number, BlockHashes.GetValueOrDefault(number, GnosisRpcBodies.BlockHash(number)));

    static long Number(string hex) => Convert.ToInt64(hex, 16);
}
