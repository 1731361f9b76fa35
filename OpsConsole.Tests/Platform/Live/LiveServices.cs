using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Platform.Live;

/// <summary>The audience check and the in-process feed over the app's topics and policies, with logs kept for reading.</summary>
sealed class LiveServices : IDisposable
{
    readonly ServiceProvider provider;

    public LiveServices()
    {
        var services = new ServiceCollection().AddLogging(l => l.AddFakeLogging());
        services.AddAuthorizationBuilder().AddOpsPolicies();
        services.AddSingleton(new LiveTopicRegistry(AppLiveTopics.All));
        services.AddSingleton<LiveAudienceCheck>();
        services.AddSingleton<LiveFeed>();
        provider = services.BuildServiceProvider(validateScopes: true);
    }

    public LiveAudienceCheck Check => provider.GetRequiredService<LiveAudienceCheck>();
    public LiveFeed Feed => provider.GetRequiredService<LiveFeed>();
    public FakeLogCollector Logs => provider.GetFakeLogCollector();

    public void Dispose() => provider.Dispose();
}
