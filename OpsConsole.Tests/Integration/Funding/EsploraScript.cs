using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>
/// What a replayed Esplora answers now, set by the test step by step: the tip, each address's first page of
/// /address/{a}/txs, the pages of /txs/chain/{last_seen_txid}, each transaction's status (404 when not set, as for an
/// unknown transaction), or a 503 for everything while it is down.
/// </summary>
sealed class EsploraScript
{
    public long Tip { get; set; }
    public bool Down { get; set; }
    public Dictionary<string, string> Addresses { get; } = [];
    public Dictionary<string, string> ChainPages { get; } = [];
    public Dictionary<string, string> Statuses { get; } = [];

    public (int Status, string Body) Answer(ReplayServer.Received request)
    {
        if (Down)
            return (503, "Service Unavailable");
        var path = request.Path.Split('?')[0].Trim('/').Split('/');
        return path switch
        {
            ["blocks", "tip", "height"] => (200, Tip.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["address", var a, "txs"] => (200, Addresses.GetValueOrDefault(a, "[]")),
            ["address", var a, "txs", "chain", var txid] when ChainPages.TryGetValue($"{a}/{txid}", out var page) => (200, page),
            ["tx", var txid, "status"] when Statuses.TryGetValue(txid, out var status) => (200, status),
            ["tx", _, "status"] => (404, "Transaction not found"),
            _ => (404, "Not Found"),
        };
    }
}
