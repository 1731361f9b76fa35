using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Live;

/// <summary>Live updates: NOTIFY after commit, one relay per instance, the in-process feed and the hub.</summary>
public static class LiveFeature
{
    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<LiveOptions>()
            .Bind(config.GetSection("Live"))
            .Configure(o => o.ConnectionString = config.GetConnectionString(DatabaseSetup.ConnectionName) ?? "")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), $"ConnectionStrings:{DatabaseSetup.ConnectionName} must be set for live updates")
            .Validate(o => o.ReconnectDelay > TimeSpan.Zero, "Live:ReconnectDelay must be a positive time span")
            .Validate(o => o.ReconnectMaxDelay >= o.ReconnectDelay, "Live:ReconnectMaxDelay must be at least Live:ReconnectDelay")
            .Validate(o => o.Heartbeat > TimeSpan.Zero, "Live:Heartbeat must be a positive time span")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSignalR();
        services.AddSingleton<LiveAnnouncer>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<LiveFeed>());
        services.AddSingleton<LiveRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveRelay>());
        services.AddHealthChecks().AddCheck<LiveRelayCheck>("live", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<OpsHub>(OpsHub.Path);
        return app;
    }
}
