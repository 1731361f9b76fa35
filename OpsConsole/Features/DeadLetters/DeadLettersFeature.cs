using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Platform.Jobs;

namespace OpsConsole.Features.DeadLetters;

/// <summary>The dead-letter pages, remediation, the read API and the retention job.</summary>
public static class DeadLettersFeature
{
    public const string PurgeScheduleSetting = "DeadLetters:PurgeSchedule";

    public static IServiceCollection AddDeadLetters(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DeadLetterOptions>()
            .Bind(config.GetSection(DeadLetterOptions.Section))
            .Validate(o => o.RetentionDays is >= 1 and <= DeadLetterOptions.MaxRetentionDays,
                $"{DeadLetterOptions.Section}:RetentionDays must be a whole number of days from 1 to {DeadLetterOptions.MaxRetentionDays}")
            .ValidateOnStart();
        services.AddSingleton<DeadLetterQuery>();
        services.AddSingleton<DeadLetterRemediation>();
        services.AddSingleton<DeadLetterPurge>();
        services.TryAddScoped<AggregateStateReaders>();
        services.AddJob<DeadLetterRetentionJob>(JobSchedule.FromSetting(config, PurgeScheduleSetting, "0 15 3 * * ?"));
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
