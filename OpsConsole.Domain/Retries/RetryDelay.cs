namespace OpsConsole.Domain.Retries;

/// <summary>
/// The one backoff formula: the wait after the n-th failure in a row is base × 2^(n−1), optionally capped, and
/// optionally spread by jitter so writers that collided do not collide again in step. Transitions, the outbox, the SLA
/// timers' deferrals and HTTP clients all wait by it.
/// </summary>
public static class RetryDelay
{
    // Past 2^20 any sensible cap has long been reached; the bound keeps the product inside TimeSpan.
    const int MaxDoublings = 20;

    /// <param name="failures">Failures in a row so far, counting the one just seen (1 before the second try).</param>
    /// <param name="cap">The longest wait; null for none.</param>
    public static TimeSpan Exponential(TimeSpan baseDelay, int failures, TimeSpan? cap = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        var delay = baseDelay * Math.Pow(2, Math.Min(failures - 1, MaxDoublings));
        return cap is { } most && delay > most ? most : delay;
    }

    /// <param name="jitter">A number in [0, 1); the wait is scaled by 0.5 + jitter, so it lies in [½, 1½) of the plain one.</param>
    public static TimeSpan Jittered(TimeSpan baseDelay, int failures, double jitter, TimeSpan? cap = null) =>
        Exponential(baseDelay, failures, cap) * (0.5 + Math.Clamp(jitter, 0, 1));
}
