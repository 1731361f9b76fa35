namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>A stored trade result (trade_results, append-only); the status in lower case.</summary>
public sealed class TradeResultRecord
{
    public long Id { get; set; }
    public required string TradeId { get; set; }
    public required string Pair { get; set; }
    public required string Status { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string KeyId { get; set; }
}
