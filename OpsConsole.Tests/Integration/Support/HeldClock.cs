namespace OpsConsole.Tests.Integration.Support;

/// <summary>
/// Settings for an app whose clock the test moves by hand. A transition's retry waits its backoff on the app's clock, and
/// a clock held still never lets it go again: a retried change would wait for ever. Under a held clock retries go again
/// at once; a test of the backoff itself sets its own delay.
/// </summary>
public static class HeldClock
{
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Transitions:RetryBaseDelay"] = "00:00:00",
    };
}
