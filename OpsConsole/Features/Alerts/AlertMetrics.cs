using OpsConsole.Platform.MetricsScrape;
using Prometheus;

namespace OpsConsole.Features.Alerts;

/// <summary>
/// Alert counts on /metrics: opsconsole_alerts_active{code, severity}, read from ops_alerts_current when Prometheus scrapes,
/// with a zero for each rule that has nothing raised.
/// </summary>
sealed class AlertMetrics(AlertQuery query, ILogger<AlertMetrics> log) : ReadOnScrape(log)
{
    static readonly Gauge Active = Metrics.CreateGauge("opsconsole_alerts_active", "Alerts raised now, by code and severity.",
        new GaugeConfiguration { LabelNames = ["code", "severity"] });

    protected override string What => "the alert counts";

    protected override async Task ReadAsync(CancellationToken ct)
    {
        foreach (var ((code, severity), count) in await query.CountsAsync(ct))
            Active.WithLabels(code, severity.ToString()).Set(count);
    }
}
