namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>What became of a trade the executor submitted; one record per (tradeId, status).</summary>
public sealed record TradeResult(string TradeId, string Pair, TradeStatus Status, string? Reason, DateTimeOffset At)
{
    public const int MaxReasonLength = 1000;

    public static TradeResult Read(IngestFields f) => new(
        f.Text("tradeId", IngestShapes.Id(), IngestShapes.IdRule),
        f.Text("pair", IngestShapes.Pair(), IngestShapes.PairRule),
        f.Choice<TradeStatus>("status"),
        f.OptionalText("reason", MaxReasonLength),
        f.Time("at"));
}
