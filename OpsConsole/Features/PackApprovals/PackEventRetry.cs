using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.PackApprovals;

/// <summary>Redoes a dead-lettered accepted event from the remediation page: applies it now, as things stand (the
/// department fixed, say); the events of its approval that waited behind it follow.</summary>
sealed class PackEventRetry(PackEventProcessing processing) : IDeadLetterHandler
{
    public string? Source => DeadLetterSources.Api;
    public string AggregateType => PackAuditActions.EventSubjectType;
    public string Operation => PackEventProcessing.Operation;

    public async Task<RetryResult> RetryAsync(DeadLetter letter, CancellationToken ct)
    {
        if (!long.TryParse(letter.AggregateId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq))
            return RetryResult.Failure($"'{letter.AggregateId}' is not the sequence number of an accepted pack event.");
        var outcome = await processing.ApplyOneAsync(seq, WhenExhausted.HandBack, ct);
        switch (outcome)
        {
            case TransitionOutcome.Applied or TransitionOutcome.Unchanged:
                processing.Wake();
                return RetryResult.Success();
            case TransitionOutcome.Refused refused:
                return RetryResult.Failure(refused.Reason);
            case TransitionOutcome.Failed failed:
                return RetryResult.Failure(failed.Reason);
            default:
                return RetryResult.Failure("The event could not be applied.");
        }
    }
}
