using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.Approvals;

[DisallowConcurrentExecution]
[Description("Fires the SLA steps of approval requests that are due")]
sealed class SlaDueJob(SlaTimers timers) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await timers.ApplyDueAsync(cancellationToken);
}
