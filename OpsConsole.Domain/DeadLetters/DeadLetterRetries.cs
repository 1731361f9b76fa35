namespace OpsConsole.Domain.DeadLetters;

/// <summary>What a failed retry does to the record: back to Unresolved, counted, with the new reason and grouping.</summary>
public static class DeadLetterRetries
{
    public static RemediationDecision RecordFailure(
        DeadLetter letter, string reason, string? exceptionType, string? stackTrace, DateTimeOffset at)
    {
        var decision = DeadLetterLifecycle.Apply(letter, RemediationAction.RetryFailed, at);
        if (!decision.IsAllowed)
            return decision;
        letter.RetryCount++;
        letter.LastFailedAt = at;
        letter.ReasonMessage = reason;
        letter.ExceptionType = exceptionType;
        letter.StackTrace = stackTrace;
        letter.Fingerprint = DeadLetterFingerprint.Compute(letter.Operation, exceptionType, reason);
        return decision;
    }
}
