using Prometheus;

namespace OpsConsole.Platform.MetricsScrape;

/// <summary>
/// Figures read from the database when Prometheus scrapes, so every instance reports the same numbers whichever of them
/// did the work. A failed read leaves the last values, and the rest of the scrape still answers.
/// </summary>
public abstract class ReadOnScrape(ILogger log) : IHostedService
{
    volatile bool running;

    /// <summary>What the figures are, for the warning when they cannot be read.</summary>
    protected abstract string What { get; }

    protected abstract Task ReadAsync(CancellationToken ct);

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
            await ReadAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not read {What} for /metrics", What);
        }
    }
}
