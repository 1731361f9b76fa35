using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Wakeups;

namespace OpsConsole.Platform.Outbox;

/// <summary>The outbox and its dispatcher; channels are added by the notifications feature.</summary>
public static class OutboxFeature
{
    public const string DispatchIntervalSetting = "Notifications:DispatchInterval";
    /// <summary>The dispatcher's job, woken by every commit that queues a notice; its interval stays as the net.</summary>
    public static readonly string DispatchJob = JobRegistration.KeyOf<NotificationDispatchJob>();
    const int MaxAttemptsCap = 50;

    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<OutboxOptions>()
            .Bind(config.GetSection(OutboxOptions.Section))
            .Configure(o => o.DispatchSchedule = JobSchedule.FromSetting(config, DispatchIntervalSetting, o.DispatchSchedule))
            .Validate(o => o.MaxAttempts is >= 1 and <= MaxAttemptsCap,
                $"{OutboxOptions.Section}:MaxAttempts must be a whole number from 1 to {MaxAttemptsCap}")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero, $"{OutboxOptions.Section}:RetryBaseDelay must be a positive time span")
            .Validate(o => o.BatchSize is >= 1 and <= 1000, $"{OutboxOptions.Section}:BatchSize must be a whole number from 1 to 1000")
            .Validate(o => o.ClaimTimeout > TimeSpan.Zero, $"{OutboxOptions.Section}:ClaimTimeout must be a positive time span")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Outbox>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService<OutboxMetrics>();
        services.AddJob<NotificationDispatchJob, OutboxOptions>(o => o.DispatchSchedule);
        services.AddWakeup<NotificationDispatchJob>(
            (sp, after, ct) => sp.GetRequiredService<NotificationDispatcher>().NextDueAsync(after, ct),
            (sp, ct) => sp.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(ct));
        return services;
    }
}
