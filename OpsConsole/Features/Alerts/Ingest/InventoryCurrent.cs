namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>The newest snapshot of each account and asset (inventory_current), kept by the statement that stores snapshots.</summary>
public sealed class InventoryCurrent
{
    public required string Account { get; set; }
    public required string Asset { get; set; }
    public decimal Spendable { get; set; }
    public decimal PendingInbound { get; set; }
    public DateTimeOffset AsOf { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
