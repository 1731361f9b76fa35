using System.Globalization;
using System.Text.Json;

/// <summary>The market prices the ingest benchmarks post: each body a new observation of one of 1,000 pairs at its own
/// moment, so that every request stores a row.</summary>
static class MarketPrices
{
    public const string Path = "/api/ingest/market-prices";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Signed with the bench's own key, which holds MarketPrices:Ingest.</summary>
    public static IngestTarget Target(BenchConsole console) => new(Path, BenchConsole.KeyId, console.KeySecret, Body, 8_000);

    /// <summary>The <paramref name="i"/>-th observation of a run that began at <paramref name="origin"/>; pairs are named
    /// with <paramref name="prefix"/> so each run's rows are its own.</summary>
    static string Body(string prefix, int i, DateTimeOffset origin) => JsonSerializer.Serialize(new
    {
        pair = $"{prefix}{Math.Abs(i) % 1000:D4}/EUR",
        price = (61000m + i % 100).ToString(CultureInfo.InvariantCulture),
        source = "bench",
        observedAt = origin.AddMilliseconds(i),
    }, Json);
}
