namespace OpsConsole.Platform.MetricsScrape;

/// <summary>Metrics:ScrapeToken: the bearer token a stock Prometheus sends to /metrics; empty turns bearer scraping off.</summary>
public sealed class MetricsScrapeOptions
{
    public const string Section = "Metrics";
    public const string TokenSetting = Section + ":" + nameof(ScrapeToken);

    public string? ScrapeToken { get; set; }
}
