using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Platform.Jobs;
using Quartz;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>
/// The console's scheduler for a harness that runs jobs by calling them: in memory and never started, so a service that
/// fires a job at once (a refresh of the funding observer) has it recorded and nothing runs behind the test's back.
/// </summary>
public static class UnstartedScheduler
{
    /// <summary>Adds it under the console's scheduler name unless the harness added the real one.</summary>
    public static IServiceCollection AddUnstartedScheduler(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton(JobsFeature.SchedulerName, (_, _) => QuartzSchedulerBuilder.Create()
            .UseProperties([new("quartz.scheduler.instanceName", $"unstarted-{Guid.NewGuid():N}")])
            .BuildScheduler().AsTask().GetAwaiter().GetResult());
        return services;
    }
}
