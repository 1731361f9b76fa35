using OpsConsole.Domain.Retries;

namespace OpsConsole.Domain.Approvals;

/// <summary>
/// How long the SLA timers leave a request alone after applying its steps failed: twice the due-job interval, doubling
/// with each failure in a row, and never longer than the sweep interval, so a failing request is still tried once a sweep.
/// </summary>
public static class SlaRetryDelay
{
    /// <param name="failures">Failures in a row so far, counting the one just recorded.</param>
    public static TimeSpan After(int failures, TimeSpan dueJobInterval, TimeSpan sweepInterval) =>
        RetryDelay.Exponential(dueJobInterval * 2, failures, cap: sweepInterval);
}
