using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Startup;
using OpsConsole.Platform.Transitions;
using OpsConsole.Platform.Wakeups;

namespace OpsConsole.Features.PackApprovals;

/// <summary>Task Runner pack approvals: the signed events endpoint, the approvals and holds it stores, and the requests
/// it opens in the approvals inbox.</summary>
public static class PackApprovalsFeature
{
    /// <summary>The scope that lets a key send events; operators write it in settings, so it never changes.</summary>
    public const string EventsScope = "Notifier.Events:Write";

    /// <summary>The scope that lets a key decide an approval over the API.</summary>
    public const string ApproveScope = "Packs.Approve";

    public static IServiceCollection AddPackApprovals(this IServiceCollection services, IConfiguration config)
    {
        services.AddCheckedSettings<PackApprovalOptions>(config);
        services.AddMachineScope(EventsScope);
        services.AddMachineScope(ApproveScope);
        services.AddSingleton<ResumeTokens>();
        services.AddSingleton<PackRoutingRules>();
        services.AddSingleton<PackRecipients>();
        services.AddSingleton<PackNoticeRouter>();
        services.AddSingleton<PackRoutingDemoSeed>();
        services.AddDemoSeed<PackRoutingDemoSeed>();
        services.AddSingleton<PackEventIntake>();
        services.AddSingleton<PackEventApplier>();
        services.AddSingleton<PackIntakeRate>();
        services.AddSingleton<PackEventProcessing>();
        services.AddJob<PackEventsJob>(TimeSpan.FromSeconds(5));
        services.AddWakeup<PackEventsJob>(
            (sp, after, ct) => sp.GetRequiredService<PackEventProcessing>().EarliestAsync(after, ct),
            async (sp, ct) => await sp.GetRequiredService<PackEventProcessing>().RunAsync(ct));
        services.AddDeadLetterHandler<PackEventRetry>();
        services.AddSingleton<PackAcks>();
        services.AddSingleton<IApprovalDecisionEffects, PackDecisionEffects>();
        services.AddSingleton<INotificationChannel, ResumeCallbackChannel>();
        services.AddHttpClient(ResumeCallbackChannel.ClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddDeadLetterHandler<CallbackRedelivery>();
        services.AddPackApiExamples();
        services.AddSingleton<PackPurge>();
        services.AddSingleton<PackAckLatencies>();
        services.AddHostedService<PackMetrics>();
        services.AddJob<PackPurgeJob>(JobSchedule.OnCron("0 50 3 * * ?"));
        services.AddAlertRule<IReadOnlyList<PackHoldFact>, PackHoldFacts>(_ => new PackPolicyHeld());
        return services;
    }

    public static IEndpointRouteBuilder MapPackApprovals(this IEndpointRouteBuilder app)
    {
        app.MapPackEventsApi();
        app.MapPackAcksApi();
        return app;
    }
}
