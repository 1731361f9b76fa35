namespace OpsConsole.Platform.Wakeups;

/// <summary>Log lines of the wake-up timers.</summary>
static partial class WakeupLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The work of job {Job}, woken at its due time, failed; it is looked at again shortly")]
    public static partial void RunFailed(ILogger logger, Exception error, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read when job {Job} next has work; its timer is armed to look again shortly")]
    public static partial void LookupFailed(ILogger logger, Exception error, string job);
}
