using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpsConsole.Platform.Startup;

/// <summary>How a feature adds its start-up work; each is resolved in a scope of its own stage when the process starts.</summary>
public static class StartupRegistration
{
    /// <summary>Runs on every start; tasks run in the order they were registered.</summary>
    public static IServiceCollection AddStartupTask<T>(this IServiceCollection services) where T : class, IStartupTask
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IStartupTask, T>());
        return services;
    }

    /// <summary>A command-line command that replaces serving when its switch is given.</summary>
    public static IServiceCollection AddStartupCommand<T>(this IServiceCollection services) where T : class, IStartupCommand
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IStartupCommand, T>());
        return services;
    }

    /// <summary>Demo data, added only when Demo:Enabled is on.</summary>
    public static IServiceCollection AddDemoSeed<T>(this IServiceCollection services) where T : class, IDemoSeed
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDemoSeed, T>());
        return services;
    }
}
