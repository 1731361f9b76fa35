using System.Globalization;
using System.Text.Json;

/// <summary>The market prices the ingest benchmarks post: each body a new observation of one of 1,000 pairs at its own
/// moment, so that every request stores a row.</summary>
static class MarketPrices
{
    public const string Path = "/api/ingest/market-prices";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The <paramref name="i"/>-th observation of a run that began at <paramref name="origin"/>; pairs are named
    /// with <paramref name="prefix"/> so each run's rows are its own.</summary>
    public static string Body(string prefix, string source, int i, DateTimeOffset origin) => JsonSerializer.Serialize(new
    {
        pair = $"{prefix}{Math.Abs(i) % 1000:D4}/EUR",
        price = (61000m + i % 100).ToString(CultureInfo.InvariantCulture),
        source,
        observedAt = origin.AddMilliseconds(i),
    }, Json);
}
