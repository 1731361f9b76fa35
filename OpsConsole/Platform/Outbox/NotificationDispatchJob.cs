using System.ComponentModel;
using Quartz;

namespace OpsConsole.Platform.Outbox;

[DisallowConcurrentExecution]
[Description("Delivers due notifications from the outbox")]
sealed class NotificationDispatchJob(NotificationDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await dispatcher.DispatchDueAsync(cancellationToken);
}
