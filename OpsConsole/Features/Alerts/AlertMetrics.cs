using Prometheus;

namespace OpsConsole.Features.Alerts;

/// <summary>
/// Alert counts on /metrics: opsconsole_alerts_active{code, severity}, read from ops_alerts_current when Prometheus scrapes,
/// so every instance reports the same numbers whichever evaluated, with a zero for each rule that has nothing raised.
/// </summary>
sealed class AlertMetrics(AlertQuery query, ILogger<AlertMetrics> log) : IHostedService
{
    static readonly Gauge Active = Metrics.CreateGauge("opsconsole_alerts_active", "Alerts raised now, by code and severity.",
        new GaugeConfiguration { LabelNames = ["code", "severity"] });

    volatile bool running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        running = true;
        Metrics.DefaultRegistry.AddBeforeCollectCallback(CollectAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // The registry keeps its callbacks for the life of the process; a stopped host's one does nothing.
        running = false;
        return Task.CompletedTask;
    }

    async Task CollectAsync(CancellationToken ct)
    {
        if (!running)
            return;
        try
        {
            foreach (var ((code, severity), count) in await query.CountsAsync(ct))
                Active.WithLabels(code, severity.ToString()).Set(count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A scrape still answers with everything else; the counts keep their last values.
            log.LogWarning(ex, "Could not read the alert counts for /metrics");
        }
    }
}
