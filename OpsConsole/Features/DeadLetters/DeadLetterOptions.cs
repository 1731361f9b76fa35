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
}
