namespace OpsConsole.Features.Alerts.Ingest;

/// <summary>A stored inventory snapshot (inventory_snapshots, append-only).</summary>
public sealed class InventoryRecord
{
    public long Id { get; set; }
    public required string Account { get; set; }
    public required string Asset { get; set; }
    public decimal Spendable { get; set; }
    public decimal PendingInbound { get; set; }
    public DateTimeOffset AsOf { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string KeyId { get; set; }
}
