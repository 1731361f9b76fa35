namespace OpsConsole.Features.Overview;

/// <summary>The overview at /: what an operator wants at a glance, read through each feature's own small interface.</summary>
public static class OverviewFeature
{
    public static IServiceCollection AddOverview(this IServiceCollection services)
    {
        services.AddScoped<OverviewReader>();
        return services;
    }
}
