using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.PackApprovals;

[DisallowConcurrentExecution]
[Description("Deletes Task Runner approvals and holds older than PackApprovals:RetainFor (90 days)")]
sealed class PackPurgeJob(PackPurge purge) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await purge.PurgeAsync(cancellationToken);
}
