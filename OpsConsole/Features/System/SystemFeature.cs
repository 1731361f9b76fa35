namespace OpsConsole.Features.SystemStatus;

/// <summary>The System page: the scheduler's jobs with pause, resume and run now for Admins, and health.</summary>
public static class SystemFeature
{
    public static IServiceCollection AddSystemFeature(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<JobControl>();
        return services;
    }
}
