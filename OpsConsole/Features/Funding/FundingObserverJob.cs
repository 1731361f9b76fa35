using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.Funding;

[DisallowConcurrentExecution]
[Description("Reads the Bitcoin and Gnosis chains for every active funding handle and records each change of a transfer")]
sealed class FundingObserverJob(FundingObserver observer) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await observer.PollAsync(cancellationToken);
}
