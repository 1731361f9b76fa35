namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>A step of a liquidity action (a transfer, a swap); one record per (actionId, status, at).</summary>
public sealed record LiquidityAction(string ActionId, string Kind, string Asset, decimal Amount, LiquidityActionStatus Status, DateTimeOffset At)
{
    public static LiquidityAction Read(IngestFields f) => new(
        f.Text("actionId", IngestShapes.Id(), IngestShapes.IdRule),
        f.Text("kind", IngestShapes.Id(), IngestShapes.IdRule),
        f.Text("asset", IngestShapes.Id(), IngestShapes.IdRule),
        f.Decimal("amount"),
        f.Choice<LiquidityActionStatus>("status"),
        f.Time("at"));

    public static bool IsFinal(LiquidityActionStatus status) =>
        status is LiquidityActionStatus.Settled or LiquidityActionStatus.Failed or LiquidityActionStatus.Cancelled;
}
