using OpsConsole.Features.Identity;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.SystemStatus;

/// <summary>
/// The System page: the scheduler's jobs with pause, resume and run now for Admins, and the live topic it follows; and
/// /metrics, the same health for Prometheus.
/// </summary>
public static class SystemFeature
{
    public static IServiceCollection AddSystemFeature(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<JobControl>();
        services.AddScoped<IJobList>(sp => sp.GetRequiredService<JobControl>());
        services.AddLiveTopic(LiveTopics.Jobs, LiveAudience.HoldersOf(OpsPolicies.ReadSystem));
        services.AddMetricsEndpoint();
        return services;
    }

    public static IEndpointRouteBuilder MapSystemFeature(this IEndpointRouteBuilder app)
    {
        app.MapMetricsEndpoint();
        return app;
    }
}
