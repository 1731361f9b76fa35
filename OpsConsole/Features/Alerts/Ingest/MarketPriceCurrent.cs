namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>The newest reference price of each pair (market_prices_current), kept by the statement that stores prices.</summary>
public sealed class MarketPriceCurrent
{
    public required string Pair { get; set; }
    public required string Source { get; set; }
    public decimal Price { get; set; }
    public DateTimeOffset ObservedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
