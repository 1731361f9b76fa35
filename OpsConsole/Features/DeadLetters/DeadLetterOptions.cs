using OpsConsole.Platform.Jobs;

namespace OpsConsole.Features.DeadLetters;

/// <summary>Settings under <c>DeadLetters</c>.</summary>
public sealed class DeadLetterOptions
{
    public const string Section = "DeadLetters";
    public const int MaxRetentionDays = 3650;

    /// <summary>Days a Resolved or Discarded record is kept after it was closed.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How long a retry may hold a record (Retrying) before the recovery job presumes it dead and takes it back.</summary>
    public TimeSpan StaleRetryAfter { get; set; } = TimeSpan.FromMinutes(10);

    // The schedules are read by DeadLettersFeature from their settings; these names keep the binder off them.

    /// <summary>When the retention purge runs: DeadLetters:PurgeSchedule, a Quartz cron in UTC.</summary>
    public JobSchedule RetentionSchedule { get; set; } = JobSchedule.OnCron("0 15 3 * * ?");

    /// <summary>How often stale retries are looked for: DeadLetters:RetryRecoveryInterval.</summary>
    public JobSchedule RetryRecoverySchedule { get; set; } = JobSchedule.Every(TimeSpan.FromMinutes(1));
}
