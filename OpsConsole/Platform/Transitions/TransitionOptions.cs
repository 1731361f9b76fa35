namespace OpsConsole.Platform.Transitions;

/// <summary>Settings under <c>Transitions</c>: how often a conflicting change is tried before it is dead-lettered.</summary>
public sealed class TransitionOptions
{
    public const string Section = "Transitions";

    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt; it doubles for each later one, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);
}
