using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.Alerts;

[DisallowConcurrentExecution]
[Description("Evaluates the alert rules and records each raise and clear")]
sealed class AlertEvaluationJob(AlertEvaluator evaluator) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await evaluator.EvaluateAsync(cancellationToken);
}
