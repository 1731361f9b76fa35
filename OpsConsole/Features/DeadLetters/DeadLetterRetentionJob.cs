using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.DeadLetters;

[DisallowConcurrentExecution]
[Description("Purges Resolved and Discarded dead letters older than DeadLetters:RetentionDays")]
sealed class DeadLetterRetentionJob(DeadLetterPurge purge) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await purge.PurgeAsync(cancellationToken);
}
