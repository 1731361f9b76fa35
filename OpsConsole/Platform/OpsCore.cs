using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Logging;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Platform;

/// <summary>
/// The services every state change needs, wired once for the app and for every test host alike: time, logging, the
/// database, and the one transition path with its audit trail, outbox and live announcer. Features add themselves on top.
/// </summary>
public static class OpsCore
{
    public static IServiceCollection AddOpsCore(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        AdjustingLoggerFactory.Install(services);
        services.AddOpsDatabase(config);
        services.AddTransitions(config);
        // Features add their topics; the executor's announcements are checked against them.
        services.TryAddSingleton<LiveTopicRegistry>();
        // Announcing on a connection of its own needs the connection string; the relay's other settings come with AddLive.
        services.AddOptions<LiveOptions>().Configure(o => o.ConnectionString = config.GetConnectionString(DatabaseSetup.ConnectionName) ?? "");
        return services;
    }
}
