namespace OpsConsole.Domain.Approvals;

/// <summary>
/// How long the SLA timers leave a request alone after applying its steps failed: twice the due-job interval, doubling
/// with each failure in a row, and never longer than the sweep interval, so a failing request is still tried once a sweep.
/// </summary>
public static class SlaRetryDelay
{
    /// <param name="failures">Failures in a row so far, counting the one just recorded.</param>
    public static TimeSpan After(int failures, TimeSpan dueJobInterval, TimeSpan sweepInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // Past 2^20 the cap has long been reached; the bound keeps the product inside TimeSpan.
        var delay = dueJobInterval * Math.Pow(2, Math.Min(failures, 20));
        return delay < sweepInterval ? delay : sweepInterval;
    }
}
