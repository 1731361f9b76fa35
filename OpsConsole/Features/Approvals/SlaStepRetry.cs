using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Redoes dead-lettered SLA work. A request's record re-applies the steps now due for that request against its current
/// state: nothing due, or a request decided meanwhile, is a success with nothing to do. A record of a whole batch (written
/// when a batch could not even claim its rows, or before batches fell back to one request at a time) runs the due job's work once.
/// </summary>
sealed class SlaStepRetry(string operation, SlaTimers timers) : IDeadLetterHandler
{
    public string? Source => null;
    public string AggregateType => ApprovalAuditActions.SubjectType;
    public string Operation => operation;

    public async Task<RetryResult> RetryAsync(DeadLetter letter, CancellationToken ct)
    {
        if (letter.AggregateId.StartsWith(SlaTimers.BatchPrefix, StringComparison.Ordinal))
        {
            // The batch's rows are whatever is due now; the due job's work covers them, and the sweep's next run the rest.
            var (_, failure) = await timers.RunDueAsync(ct);
            return failure is null ? RetryResult.Success() : RetryResult.Failure(failure);
        }
        if (!Guid.TryParse(letter.AggregateId, out var id))
            return RetryResult.Failure($"'{letter.AggregateId}' is neither an approval request id nor a batch.");
        var result = await timers.RetryRequestAsync(id, operation, ct);
        return result.Succeeded ? RetryResult.Success() : RetryResult.Failure(result.Failure!);
    }

    public static IServiceCollection Register(IServiceCollection services)
    {
        foreach (var operation in new[] { SlaTimers.ApplyDueOperation, SlaTimers.SweepOperation })
            services.AddScoped<IDeadLetterHandler>(sp => new SlaStepRetry(operation, sp.GetRequiredService<SlaTimers>()));
        return services;
    }
}
