using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Logging;

namespace OpsConsole.Platform.Live;

/// <summary>Live updates: NOTIFY after commit, one relay per instance, the in-process feed and the hub, and the registry
/// of topics that features fill with <see cref="AddLiveTopic"/>.</summary>
public static class LiveFeature
{
    /// <summary>Who may open a /hubs/ops connection: any authenticated principal, a person or a wall display.</summary>
    public const string HubPolicy = "live:connect";

    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<LiveOptions>()
            .Bind(config.GetSection("Live"))
            .Configure(o => o.ConnectionString = config.GetConnectionString(DatabaseSetup.ConnectionName) ?? "")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), $"ConnectionStrings:{DatabaseSetup.ConnectionName} must be set for live updates")
            .Validate(o => o.ReconnectDelay > TimeSpan.Zero, "Live:ReconnectDelay must be a positive time span")
            .Validate(o => o.ReconnectMaxDelay >= o.ReconnectDelay, "Live:ReconnectMaxDelay must be at least Live:ReconnectDelay")
            .Validate(o => o.Heartbeat > TimeSpan.Zero, "Live:Heartbeat must be a positive time span")
            .Validate(o => o.ConnectionCheckEvery > TimeSpan.Zero, "Live:ConnectionCheckEvery must be a positive time span")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSignalR();
        AdjustingLoggerFactory.Install(services);
        services.AddAuthorizationCore();
        // Any signed-in principal may connect; what it may follow is each topic's audience (LiveAudienceCheck).
        services.AddAuthorizationBuilder().AddPolicy(HubPolicy, p => p.RequireAuthenticatedUser());
        services.TryAddSingleton<LiveTopicRegistry>();
        services.AddSingleton<LiveAudienceCheck>();
        services.AddSingleton<LiveAnnouncer>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<LiveFeed>());
        services.AddSingleton<LiveRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveRelay>());
        services.AddSingleton<ILiveLink>(sp => sp.GetRequiredService<LiveRelay>());
        services.AddSingleton<LiveConnections>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveConnections>());
        services.AddHealthChecks().AddCheck<LiveRelayCheck>("live", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Registers a topic and who may follow it; the feature that owns the topic calls this from its registration file.
    /// A name that is not one of <see cref="LiveTopics"/>, or one registered already, stops start-up here, naming it.
    /// </summary>
    public static IServiceCollection AddLiveTopic(this IServiceCollection services, string name, LiveAudience audience)
    {
        var topic = new LiveTopic(name, audience);
        var registered = services.Where(d => d.ServiceType == typeof(LiveTopic) && !d.IsKeyedService)
            .Select(d => d.ImplementationInstance).OfType<LiveTopic>();
        LiveTopicRegistry.Check([.. registered, topic]);
        services.AddSingleton(topic);
        services.TryAddSingleton<LiveTopicRegistry>();
        return services;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<OpsHub>(OpsHub.Path);
        return app;
    }
}
