using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.Approvals;

[DisallowConcurrentExecution]
[Description("Re-evaluates every pending approval request's SLA, in case a due time was missed")]
sealed class SlaSweepJob(SlaTimers timers) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await timers.SweepAsync(cancellationToken);
}
