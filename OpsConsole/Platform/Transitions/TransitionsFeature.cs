using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;

namespace OpsConsole.Platform.Transitions;

/// <summary>The guarded-transition executor with the writers of what goes with a change (audit trail, outbox, live
/// announcements), the dead-letter writer and the registry of dead-letter handlers.</summary>
public static class TransitionsFeature
{
    // Caps keep a change waiting in a request or a job for seconds at most, never minutes.
    const int MaxAttemptsCap = 10;
    static readonly TimeSpan RetryBaseDelayCap = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddTransitions(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<TransitionOptions>()
            .Bind(config.GetSection(TransitionOptions.Section))
            .Validate(o => o.MaxAttempts is >= 1 and <= MaxAttemptsCap,
                $"{TransitionOptions.Section}:MaxAttempts must be a whole number from 1 to {MaxAttemptsCap}")
            .Validate(o => o.RetryBaseDelay >= TimeSpan.Zero && o.RetryBaseDelay <= RetryBaseDelayCap,
                $"{TransitionOptions.Section}:RetryBaseDelay must be a time span from 00:00:00 to {RetryBaseDelayCap:c}")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Each attempt resolves its context from a scope of its own, so what else the attempt resolves shares it.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContext());
        services.TryAddSingleton<AuditTrail>();
        // Writes nothing for channels that are off; with no channel registered every notice is skipped.
        services.TryAddSingleton<Outbox.Outbox>();
        // The executor and the writer announce in the change's transaction, which needs no live settings.
        services.TryAddSingleton<LiveAnnouncer>();
        services.AddSingleton<DeadLetterWriter>();
        services.AddSingleton<TransitionWriter>();
        services.AddSingleton<GuardedTransitions>();
        services.AddScoped<DeadLetterHandlers>();
        return services;
    }

    /// <summary>Registers the handler that redoes one kind of dead-lettered work.</summary>
    public static IServiceCollection AddDeadLetterHandler<THandler>(this IServiceCollection services)
        where THandler : class, IDeadLetterHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDeadLetterHandler, THandler>());
        return services;
    }
}
