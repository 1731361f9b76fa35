using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.Funding.Simulation;

[DisallowConcurrentExecution]
[Description("Demo only: the demo's bridge credits the demo's confirmed BTC transfers, all but one")]
sealed class DemoBridgeJob(DemoBridge bridge) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await bridge.CreditDueAsync(cancellationToken);
}
