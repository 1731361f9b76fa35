using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.Identity.Sessions;

[DisallowConcurrentExecution]
[Description("Deletes sign-in sessions that have been over for more than 7 days")]
sealed class SessionPurgeJob(SessionPurge purge) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await purge.PurgeAsync(cancellationToken);
}
