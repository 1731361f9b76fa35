using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using Quartz;

namespace OpsConsole.Platform.Wakeups;

/// <summary>The one way a feature lets its job be woken at the time its work falls due, besides its interval.</summary>
public static class WakeupRegistration
{
    public static IServiceCollection AddWakeup<TJob>(this IServiceCollection services,
        Func<IServiceProvider, DateTimeOffset?, CancellationToken, Task<DateTimeOffset?>> earliest, Func<IServiceProvider, CancellationToken, Task> run)
        where TJob : class, IJob
    {
        var first = !services.Any(d => d.ServiceType == typeof(WakeupSource));
        services.AddSingleton(new WakeupSource(JobRegistration.KeyOf<TJob>(), earliest, run));
        if (!first)
            return services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WakeupTimers>();
        // The live relay's connection carries the signals; without the relay (a test host) the timers stay unarmed.
        services.AddSingleton<ISignalListener>(sp => sp.GetRequiredService<WakeupTimers>());
        return services;
    }
}
