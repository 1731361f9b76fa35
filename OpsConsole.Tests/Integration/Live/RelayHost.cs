using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Live;

/// <summary>Just the live mechanism (relay, feed, announcer) in a host of its own on a test database, with the app's
/// topics and policies.</summary>
sealed class RelayHost(IHost host) : IAsyncDisposable
{
    public LiveRelay Relay => host.Services.GetRequiredService<LiveRelay>();
    public ILiveFeed Feed => host.Services.GetRequiredService<ILiveFeed>();
    public LiveAnnouncer Announcer => host.Services.GetRequiredService<LiveAnnouncer>();

    /// <summary>Follows the topic as an Admin, who may follow every topic but the per-user one.</summary>
    public async Task<IDisposable> FollowAsync(string topic, Func<LiveChange, Task> handler)
    {
        var subscription = Feed.Subscribe(LiveUsers.Signed("relay-admin", Roles.Admin), topic, handler);
        Assert.True(await subscription.Following, $"An Admin follows {topic}");
        return subscription;
    }

    public static async Task<RelayHost> StartAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connectionString,
            ["Live:ReconnectDelay"] = "00:00:00.200",
        });
        builder.Services.AddLogging().AddLive(builder.Configuration).AddRemainingLiveTopics();
        builder.Services.AddAuthorizationBuilder().AddOpsPolicies();
        var relay = new RelayHost(builder.Build());
        await relay.StartAsync();
        return relay;
    }

    async Task StartAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StartAsync(cts.Token);
        await Eventually.TrueAsync(() => Relay.IsListening, "the relay listens");
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(cts.Token);
        host.Dispose();
    }
}
