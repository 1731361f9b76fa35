using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.DeadLetters;

[DisallowConcurrentExecution]
[Description("Returns dead letters whose retry gave no result within DeadLetters:StaleRetryAfter to Unresolved")]
sealed class DeadLetterRetryRecoveryJob(DeadLetterRetryRecovery recovery) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await recovery.RecoverAsync(cancellationToken);
}
