using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.PackApprovals;

[DisallowConcurrentExecution]
[Description("Applies accepted Task Runner events that wait their turn (the net under the instant wake-up of the instance that accepted them)")]
sealed class PackEventsJob(PackEventProcessing processing) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await processing.RunAsync(cancellationToken);
}
