using Prometheus;

namespace OpsConsole.Platform.MetricsScrape;

/// <summary>A labelled gauge set afresh on each scrape: each series read is set, and a series this instance set before
/// and no longer reads goes to zero instead of keeping its last count.</summary>
public sealed class ScrapedGauge(Gauge gauge)
{
    readonly Dictionary<string, string[]> reported = [];
    readonly Lock gate = new();

    public void Set(IEnumerable<(string[] Labels, double Value)> read)
    {
        var now = read.ToDictionary(r => string.Join('\u001f', r.Labels));
        lock (gate)
        {
            foreach (var (key, labels) in reported.Where(r => !now.ContainsKey(r.Key)))
                gauge.WithLabels(labels).Set(0);
            foreach (var (key, series) in now)
            {
                gauge.WithLabels(series.Labels).Set(series.Value);
                reported[key] = series.Labels;
            }
        }
    }
}
