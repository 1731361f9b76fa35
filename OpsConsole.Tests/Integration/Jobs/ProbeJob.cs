using Quartz;

namespace OpsConsole.Tests.Integration.Jobs;

/// <summary>Succeeds, or fails with the message its firing carries.</summary>
[DisallowConcurrentExecution]
sealed class ProbeJob : IJob
{
    public const string FailWith = "fail-with";

    /// <summary>Never fires by itself, so only the test's own firings run it.</summary>
    public const string Never = "0 0 0 1 1 ? 2099";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.MergedJobDataMap.TryGetValue(FailWith, out var message)
            ? throw new InvalidOperationException(message?.ToString())
            : ValueTask.CompletedTask;
}
