namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>A reference price from a price source; one record per (pair, source, observedAt).</summary>
public sealed record MarketPrice(string Pair, decimal Price, string Source, DateTimeOffset ObservedAt)
{
    public static MarketPrice Read(IngestFields f) => new(
        f.Text("pair", IngestShapes.Pair(), IngestShapes.PairRule),
        f.Decimal("price", positive: true),
        f.Text("source", IngestShapes.Id(), IngestShapes.IdRule),
        f.Time("observedAt"));
}
