namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>A stored reference price (market_prices, append-only): what the price feed sent, when it arrived and under which key.</summary>
public sealed class MarketPriceRecord
{
    public long Id { get; set; }
    public required string Pair { get; set; }
    public decimal Price { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset ObservedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string KeyId { get; set; }
}
