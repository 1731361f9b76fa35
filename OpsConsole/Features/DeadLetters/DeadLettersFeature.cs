using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.DeadLetters;

/// <summary>The dead-letter pages, remediation, the read API, the retention job and the stale-retry recovery job.</summary>
public static class DeadLettersFeature
{
    public const string PurgeScheduleSetting = "DeadLetters:PurgeSchedule";
    public const string RetryRecoveryIntervalSetting = "DeadLetters:RetryRecoveryInterval";

    /// <summary>The scope a machine-client key needs to read the dead-letter API; operators write it in settings, so it never changes.</summary>
    public const string ReadScope = "DeadLetters:Read";

    /// <summary>/api/dead-letters: a signed-in Remediator, Viewer or Admin, or a machine client holding DeadLetters:Read.</summary>
    public const string ApiReaders = "ops:read-dead-letters-api";

    public static IServiceCollection AddDeadLetters(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DeadLetterOptions>()
            .Bind(config.GetSection(DeadLetterOptions.Section))
            .Configure(o => o.RetentionSchedule = JobSchedule.FromSetting(config, PurgeScheduleSetting, o.RetentionSchedule))
            .Configure(o => o.RetryRecoverySchedule = JobSchedule.FromSetting(config, RetryRecoveryIntervalSetting, o.RetryRecoverySchedule))
            .Validate(o => o.RetentionDays is >= 1 and <= DeadLetterOptions.MaxRetentionDays,
                $"{DeadLetterOptions.Section}:RetentionDays must be a whole number of days from 1 to {DeadLetterOptions.MaxRetentionDays}")
            .Validate(o => o.StaleRetryAfter > TimeSpan.Zero, $"{DeadLetterOptions.Section}:StaleRetryAfter must be a positive time span")
            .ValidateOnStart();
        services.AddSingleton<DeadLetterQuery>();
        services.AddSingleton<IUnresolvedDeadLetters>(sp => sp.GetRequiredService<DeadLetterQuery>());
        services.AddSingleton<IDeadLetterTrend>(sp => sp.GetRequiredService<DeadLetterQuery>());
        services.AddSingleton<RemediationLedger>();
        services.AddSingleton<DeadLetterRemediation>();
        services.AddSingleton<DeadLetterPurge>();
        services.AddSingleton<DeadLetterRetryRecovery>();
        services.TryAddScoped<AggregateStateReaders>();
        services.AddLiveTopic(LiveTopics.DeadLetters, LiveAudience.HoldersOf(OpsPolicies.FollowDeadLetters));
        services.AddMachineScope(ReadScope);
        // Cookie first: its challenge only sets the status, and the machine challenge that follows writes the problem body.
        services.AddAuthorizationBuilder().AddPolicy(ApiReaders, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, MachineHmacHandler.SchemeName)
            .RequireScopeOrRole(ReadScope, [Roles.Remediator, Roles.Viewer, Roles.Admin]));
        services.AddJob<DeadLetterRetentionJob, DeadLetterOptions>(o => o.RetentionSchedule);
        services.AddJob<DeadLetterRetryRecoveryJob, DeadLetterOptions>(o => o.RetryRecoverySchedule);
        return services;
    }

    /// <summary>Registers the reader that shows an aggregate type's current state on the dead-letter page.</summary>
    public static IServiceCollection AddAggregateStateReader<TReader>(this IServiceCollection services)
        where TReader : class, IAggregateStateReader
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAggregateStateReader, TReader>());
        return services;
    }

    public static IEndpointRouteBuilder MapDeadLetters(this IEndpointRouteBuilder app)
    {
        app.MapDeadLettersApi();
        return app;
    }
}
