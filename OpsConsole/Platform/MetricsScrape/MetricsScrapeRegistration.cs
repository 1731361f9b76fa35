using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OpsConsole.Platform.MetricsScrape;

/// <summary>Adds the MetricsScrape bearer scheme and checks Metrics:ScrapeToken at start.</summary>
public static class MetricsScrapeRegistration
{
    public static IServiceCollection AddMetricsScrape(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MetricsScrapeOptions>().Bind(config.GetSection(MetricsScrapeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsScrapeOptions>, MetricsScrapeOptionsValidator>();
        // Added beside the cookie and HMAC schemes; only the /metrics policy names it.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, MetricsScrapeHandler>(MetricsScrapeHandler.SchemeName, null);
        return services;
    }
}
