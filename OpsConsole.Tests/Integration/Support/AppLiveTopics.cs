using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Audit;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.SystemStatus;
using OpsConsole.Platform.Live;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>
/// The live topics as the app's features register them, for harnesses that wire only part of the app: the platform
/// announces on topics (dead letters, notifications) whose feature a harness may leave out.
/// </summary>
public static class AppLiveTopics
{
    /// <summary>Taken from the features' own registration methods, so a harness follows the app instead of a copy.</summary>
    public static IReadOnlyList<LiveTopic> All { get; } = Registered(new ServiceCollection()
        .AddNotifications(new ConfigurationBuilder().Build())
        .AddDeadLetters(new ConfigurationBuilder().Build())
        .AddApprovals(new ConfigurationBuilder().Build())
        .AddAlerts(new ConfigurationBuilder().Build())
        .AddAudit(new ConfigurationBuilder().Build())
        .AddSystemFeature(new ConfigurationBuilder().Build())
        .AddFunding(new ConfigurationBuilder().Build())
        .AddIdentityFeature(new ConfigurationBuilder().Build()));

    /// <summary>Registers, with the app's audience, every topic the services do not register yet; call it last.</summary>
    public static IServiceCollection AddRemainingLiveTopics(this IServiceCollection services)
    {
        foreach (var topic in Missing(Registered(services)))
            services.AddLiveTopic(topic.Name, topic.Audience);
        return services;
    }

    /// <summary>The given registrations plus the app's for every topic they leave out.</summary>
    public static IReadOnlyList<LiveTopic> Complete(IEnumerable<LiveTopic> registered)
    {
        var list = registered.ToList();
        return [.. list, .. Missing(list)];
    }

    static IEnumerable<LiveTopic> Missing(IReadOnlyList<LiveTopic> registered) =>
        All.Where(t => registered.All(r => r.Name != t.Name));

    static IReadOnlyList<LiveTopic> Registered(IServiceCollection services) =>
        [.. services.Where(d => d.ServiceType == typeof(LiveTopic) && !d.IsKeyedService).Select(d => d.ImplementationInstance).OfType<LiveTopic>()];
}
