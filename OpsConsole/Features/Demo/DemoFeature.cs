using OpsConsole.Platform.Startup;

namespace OpsConsole.Features.Demo;

/// <summary>The living demo: simulated feeds that post to the real ingest endpoints, in demo mode only.</summary>
public static class DemoFeature
{
    public static IServiceCollection AddDemoFeeds(this IServiceCollection services, IConfiguration config)
    {
        services.AddCheckedSettings<DemoFeedSettings>(config);
        // Its own client without request logging, like any outside program's.
        services.AddHttpClient(DemoFeeds.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddHostedService<DemoFeeds>();
        return services;
    }
}
