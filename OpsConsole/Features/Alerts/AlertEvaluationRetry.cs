using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Alerts;

/// <summary>Redoes a dead-lettered evaluation: the evaluation of now, which decides from the facts as they are now.</summary>
sealed class AlertEvaluationRetry(AlertEvaluator evaluator) : IDeadLetterHandler
{
    public string? Source => null;
    public string AggregateType => AlertAuditActions.EvaluatorSubjectType;
    public string Operation => AlertEvaluator.Operation;

    public async Task<RetryResult> RetryAsync(DeadLetter letter, CancellationToken ct)
    {
        var result = await evaluator.EvaluateAsync(ct);
        return result.FailedRules.Count == 0 ? RetryResult.Success()
            : RetryResult.Failure($"Rules whose facts could not be read: {string.Join(", ", result.FailedRules.Keys)}.");
    }
}
