using System.Globalization;
using System.Text.Json;

namespace OpsConsole.Features.Demo;

/// <summary>
/// What the simulated price feed, inventory feed and trade executor send at each tick, so that alerts raise and clear by
/// themselves while someone watches the wall: each pair's prices and each inventory scope fall silent in turn for a bit
/// longer than their rule's window and then resume; every few seconds a trade is submitted and filled, and now and then
/// one fails and the next fill on its pair follows half a minute later. The same ticks give the same script.
/// </summary>
public sealed class DemoScript(DemoFeedSettings settings)
{
    public static readonly string[] Pairs = ["BTC/EUR", "ETH/EUR"];
    public static readonly (string Account, string Asset)[] Scopes = [("treasury", "BTC"), ("treasury", "EURE")];
    public const string PricesPath = "/api/ingest/market-prices";
    public const string InventoryPath = "/api/ingest/inventory";
    public const string TradesPath = "/api/ingest/trade-results";
    /// <summary>Every this many trades, one fails.</summary>
    public const int FailEvery = 12;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    static readonly decimal[] BasePrices = [61_000m, 3_200m];

    /// <summary>What to send at <paramref name="tick"/> (0, 1, 2 … since the feeds started), at <paramref name="now"/>.</summary>
    public IReadOnlyList<DemoPost> At(long tick, DateTimeOffset now)
    {
        var since = settings.Interval * tick;
        List<DemoPost> posts = [];
        var prices = Pairs.Select((pair, i) => (pair, i)).Where(p => !Silent(since, settings.PriceStaleAfter, p.i))
            .Select(p => new { pair = p.pair, price = Price(p.i, tick), source = "demo-feed", observedAt = now }).ToList();
        if (prices.Count > 0)
            posts.Add(new DemoPost(PricesPath, JsonSerializer.Serialize(prices, Json)));
        if (Every(tick, TimeSpan.FromSeconds(30)))
        {
            var snapshots = Scopes.Select((s, i) => (s, i)).Where(s => !Silent(since, settings.InventoryStaleAfter, s.i))
                .Select(s => new { account = s.s.Account, asset = s.s.Asset, spendable = Amount(s.i, tick), pendingInbound = "0", asOf = now }).ToList();
            if (snapshots.Count > 0)
                posts.Add(new DemoPost(InventoryPath, JsonSerializer.Serialize(snapshots, Json)));
        }
        if (Every(tick, TimeSpan.FromSeconds(15)) && TradeNumber(tick) is var trade)
        {
            var pair = Pairs[trade % Pairs.Length];
            var id = $"demo-{now.ToUnixTimeMilliseconds()}-{trade}";
            var ends = trade % FailEvery == FailEvery - 1
                ? new { tradeId = id, pair, status = "failed", reason = (string?)"The venue rejected the order: insufficient liquidity", at = now }
                : new { tradeId = id, pair, status = "filled", reason = (string?)null, at = now };
            var submitted = new { tradeId = id, pair, status = "submitted", reason = (string?)null, at = now.AddSeconds(-1) };
            posts.Add(new DemoPost(TradesPath, JsonSerializer.Serialize(new[] { submitted, ends }, Json)));
        }
        return posts;
    }

    /// <summary>Whether the i-th source of a feed is silent: each is, in turn, for its window and 45 s more, once in a cycle
    /// three times that long, the sources half a cycle apart.</summary>
    public static bool Silent(TimeSpan since, TimeSpan window, int index)
    {
        var silence = window + TimeSpan.FromSeconds(45);
        var cycle = silence * 3;
        var phase = (since + cycle / 2 * index).Ticks % cycle.Ticks;
        return phase >= (cycle - silence).Ticks;
    }

    bool Every(long tick, TimeSpan period) => tick % Math.Max(1, (long)Math.Round(period / settings.Interval)) == 0;

    long TradeNumber(long tick) => tick / Math.Max(1, (long)Math.Round(TimeSpan.FromSeconds(15) / settings.Interval));

    // A gentle, repeatable wave around each pair's base price, as decimal strings (every digit kept).
    static string Price(int pair, long tick) =>
        Math.Round(BasePrices[pair] * (1 + 0.004m * (decimal)Math.Sin(tick / 12.0 + pair)), 2).ToString(CultureInfo.InvariantCulture);

    static string Amount(int scope, long tick) =>
        (scope == 0 ? 12.5m + tick % 7 * 0.1m : 250_000m - tick % 11 * 1_000m).ToString(CultureInfo.InvariantCulture);
}
