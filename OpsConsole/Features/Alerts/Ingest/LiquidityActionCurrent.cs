namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>Each liquidity action as it stands (liquidity_actions_current): its latest status, and when it was first and
/// last reported; kept by the statement that stores the steps.</summary>
public sealed class LiquidityActionCurrent
{
    public required string ActionId { get; set; }
    public required string Kind { get; set; }
    public required string Asset { get; set; }
    public decimal Amount { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
