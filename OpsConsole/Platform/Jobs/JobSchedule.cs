using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;

namespace OpsConsole.Platform.Jobs;

/// <summary>When a job fires: every fixed interval, or on a Quartz cron expression (seconds first, evaluated in UTC).</summary>
public sealed record JobSchedule
{
    JobSchedule(TimeSpan? interval, string? cron) => (Interval, Cron) = (interval, cron);

    public TimeSpan? Interval { get; }
    public string? Cron { get; }

    public static JobSchedule Every(TimeSpan interval) => interval > TimeSpan.Zero
        ? new(interval, null)
        : throw new ArgumentOutOfRangeException(nameof(interval), interval, "A job interval must be a positive time span.");

    public static JobSchedule OnCron(string cron) => CronExpression.TryParse(cron, out _)
        ? new(null, cron)
        : throw new ArgumentException($"'{cron}' is not a Quartz cron expression.", nameof(cron));

    public static implicit operator JobSchedule(TimeSpan interval) => Every(interval);

    public static implicit operator JobSchedule(string cron) => OnCron(cron);

    /// <summary>
    /// Reads the setting that schedules a job, as the fallback's kind (a time span for an interval, a cron expression for
    /// a cron): absent or empty keeps the fallback, unreadable stops start-up with one line naming the setting. Call it in
    /// the Configure of the options that own the setting, so it is read once, when those options are validated at start-up,
    /// and schedule the job from them with <see cref="JobRegistration.AddJob{TJob, TOptions}"/>.
    /// </summary>
    public static JobSchedule FromSetting(IConfiguration config, string setting, JobSchedule fallback) =>
        Read(config[setting], fallback) ?? throw new OptionsValidationException(setting, typeof(JobSchedule), [fallback.Rule(setting)]);

    /// <summary>A setting's text as a schedule of the fallback's kind; the fallback when empty, null when unreadable.</summary>
    public static JobSchedule? Read(string? text, JobSchedule fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (fallback.Interval is not null)
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero ? Every(interval) : null;
        return CronExpression.TryParse(text, out _) ? OnCron(text) : null;
    }

    /// <summary>What a setting for a schedule of this kind must hold, naming the setting.</summary>
    public string Rule(string setting) => Interval is not null
        ? $"{setting} must be a positive time span (e.g. 00:05:00)"
        : $"{setting} must be a Quartz cron expression (seconds first, e.g. 0 15 3 * * ?)";

    internal ITriggerConfigurator<TJob> Apply<TJob>(ITriggerConfigurator<TJob> trigger) where TJob : IJob =>
        Interval is { } interval ? trigger.WithSimpleSchedule(interval) : trigger.WithCronSchedule(Cron!);

    public override string ToString() => Interval is { } interval ? $"every {interval:c}" : $"cron {Cron} (UTC)";
}
