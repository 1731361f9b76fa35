using System.ComponentModel;
using Quartz;

namespace OpsConsole.Platform.MachineAuth;

[DisallowConcurrentExecution]
[Description("Deletes machine-client signatures older than the replay window")]
sealed class MachineSignaturePurgeJob(MachineSignaturePurge purge) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await purge.PurgeAsync(cancellationToken);
}
