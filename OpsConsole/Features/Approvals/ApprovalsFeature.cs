using Microsoft.Extensions.Options;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Startup;
using OpsConsole.Platform.Wakeups;

namespace OpsConsole.Features.Approvals;

/// <summary>Approval requests: the service, the SLA timers and their jobs, and the API for machine clients.</summary>
public static class ApprovalsFeature
{
    /// <summary>The scope a machine-client key needs to raise requests; operators write it in settings, so it never changes.</summary>
    public const string SubmitScope = "Approvals:Submit";

    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SlaOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<SlaOptions>>(new SlaSettingsReader(config));
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>();
        services.AddOptions<ApprovalNotifyOptions>().Bind(config.GetSection(ApprovalNotifyOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.OwnerEmail) || o.OwnerEmail.Contains('@'),
                $"{ApprovalNotifyOptions.Section}:OwnerEmail must be an email address or empty")
            .Validate(o => o.BaseUrl.Length == 0 || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _),
                $"{ApprovalNotifyOptions.Section}:BaseUrl must be an absolute URL (e.g. https://ops.example.com) or empty")
            .ValidateOnStart();
        // People are read through Identity's IPeopleDirectory, which the host adds with the identity feature.
        services.AddSingleton<ApprovalRecipients>();
        services.AddSingleton<ApprovalNotifier>();
        services.AddSingleton<ApprovalEffects>();
        services.AddSingleton<IApprovalChangeEffects>(sp => sp.GetRequiredService<ApprovalEffects>());
        // SlaPolicies asks the Admin policy of whoever edits; the host's identity feature adds the policies themselves.
        services.AddAuthorizationCore();
        services.AddSingleton<SlaPolicies>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<SlaStepTransition>();
        services.AddSingleton<SlaDeferrals>();
        services.AddSingleton<ApprovalInbox>();
        services.AddSingleton<SlaTimers>();
        services.AddSingleton<ApprovalDemoSeed>();
        services.AddDemoSeed<ApprovalDemoSeed>();
        services.AddSingleton<ApprovalRequestQuery>();
        services.AddSingleton<ApprovalTimeline>();
        services.AddSingleton<ApprovalAssignees>();
        services.AddSingleton<IExpiredApprovals, ExpiredApprovals>();
        services.AddSingleton<IApprovalStages, ApprovalStages>();
        services.AddMachineScope(SubmitScope);
        services.AddLiveTopic(LiveTopics.Approvals, LiveAudience.HoldersOf(OpsPolicies.FollowApprovals));
        ApprovalActionRetry.Register(services);
        SlaStepRetry.Register(services);
        services.AddJob<SlaDueJob, SlaOptions>(o => JobSchedule.Every(o.DueJobInterval));
        // Each instance also runs the due job's work at the earliest due time; the interval above stays as the net.
        services.AddSingleton<SlaNextDue>();
        services.AddWakeup<SlaDueJob>((sp, after, ct) => sp.GetRequiredService<SlaNextDue>().EarliestAsync(after, ct),
            (sp, ct) => sp.GetRequiredService<SlaTimers>().ApplyDueAsync(ct));
        services.AddJob<SlaSweepJob, SlaOptions>(o => JobSchedule.Every(o.SweepInterval));
        return services;
    }

    public static IEndpointRouteBuilder MapApprovals(this IEndpointRouteBuilder app)
    {
        app.MapApprovalRequestsApi();
        return app;
    }
}
