namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>How much of an asset an account holds at a moment; one record per (account, asset, asOf).</summary>
public sealed record InventorySnapshot(string Account, string Asset, decimal Spendable, decimal PendingInbound, DateTimeOffset AsOf)
{
    public static InventorySnapshot Read(IngestFields f) => new(
        f.Text("account", IngestShapes.Account(), IngestShapes.AccountRule),
        f.Text("asset", IngestShapes.Id(), IngestShapes.IdRule),
        f.Decimal("spendable"),
        f.Decimal("pendingInbound"),
        f.Time("asOf"));
}
