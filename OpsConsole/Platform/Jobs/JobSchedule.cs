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

    /// <summary>Reads an interval setting; an absent one takes the default, a bad one stops start-up naming the setting.</summary>
    public static JobSchedule FromSetting(IConfiguration config, string setting, TimeSpan fallback)
    {
        var text = config[setting];
        if (string.IsNullOrWhiteSpace(text))
            return Every(fallback);
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero
            ? Every(interval)
            : throw Invalid(setting, $"{setting} must be a positive time span (e.g. 00:05:00)");
    }

    /// <summary>Reads a cron setting; an absent one takes the default, a bad one stops start-up naming the setting.</summary>
    public static JobSchedule FromSetting(IConfiguration config, string setting, string fallbackCron)
    {
        var text = config[setting];
        if (string.IsNullOrWhiteSpace(text))
            return OnCron(fallbackCron);
        return CronExpression.TryParse(text, out _)
            ? OnCron(text)
            : throw Invalid(setting, $"{setting} must be a Quartz cron expression (seconds first, e.g. 0 15 3 * * ?)");
    }

    internal ITriggerConfigurator<TJob> Apply<TJob>(ITriggerConfigurator<TJob> trigger) where TJob : IJob =>
        Interval is { } interval ? trigger.WithSimpleSchedule(interval) : trigger.WithCronSchedule(Cron!);

    public override string ToString() => Interval is { } interval ? $"every {interval:c}" : $"cron {Cron} (UTC)";

    static OptionsValidationException Invalid(string setting, string message) =>
        new(setting, typeof(JobSchedule), [message]);
}
