namespace OpsConsole.Platform.Transitions;

/// <summary>Exponential backoff with jitter, so writers that collided do not collide again in step.</summary>
static class RetryBackoff
{
    /// <param name="failedAttempts">Attempts failed so far (1 before the second attempt).</param>
    /// <param name="jitter">A number in [0, 1); the delay is scaled by 0.5 + jitter.</param>
    public static TimeSpan Delay(TimeSpan baseDelay, int failedAttempts, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponent = Math.Min(failedAttempts - 1, 16);
        return baseDelay * (Math.Pow(2, exponent) * (0.5 + Math.Clamp(jitter, 0, 1)));
    }
}
