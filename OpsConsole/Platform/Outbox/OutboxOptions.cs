using OpsConsole.Platform.Jobs;

namespace OpsConsole.Platform.Outbox;

/// <summary>Settings under <c>Notifications</c> that govern delivery, whatever the channel.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Notifications";

    /// <summary>Attempts before a delivery is given up and dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles after each further one.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows one dispatcher claims at a time.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed row stays out of other dispatchers' reach; longer than a batch takes to send.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When the dispatcher runs: Notifications:DispatchInterval, read by OutboxFeature (a name the binder leaves alone).</summary>
    public JobSchedule DispatchSchedule { get; set; } = JobSchedule.Every(TimeSpan.FromSeconds(5));
}
