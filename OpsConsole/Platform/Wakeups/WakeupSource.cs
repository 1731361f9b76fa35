namespace OpsConsole.Platform.Wakeups;

/// <summary>
/// A job that can be woken at the time its work falls due: how to find that time, and the work itself (the service
/// method the job calls). Registered with <see cref="WakeupRegistration.AddWakeup{TJob}"/>.
/// </summary>
/// <param name="Job">The job's key, as <see cref="Jobs.JobRegistration.KeyOf{TJob}"/> names it.</param>
/// <param name="EarliestAsync">When the job next has work, or, given a time, the first work after it; null when there is
/// none. It may be early (the timer then fires for nothing), never late.</param>
public sealed record WakeupSource(
    string Job,
    Func<IServiceProvider, DateTimeOffset?, CancellationToken, Task<DateTimeOffset?>> EarliestAsync,
    Func<IServiceProvider, CancellationToken, Task> RunAsync);
