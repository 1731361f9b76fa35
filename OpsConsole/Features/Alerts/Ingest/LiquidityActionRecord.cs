namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>A stored step of a liquidity action (liquidity_actions, append-only); the status in lower case.</summary>
public sealed class LiquidityActionRecord
{
    public long Id { get; set; }
    public required string ActionId { get; set; }
    public required string Kind { get; set; }
    public required string Asset { get; set; }
    public decimal Amount { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string KeyId { get; set; }
}
