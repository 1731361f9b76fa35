namespace OpsConsole.Domain.DeadLetters;

/// <summary>
/// The remediation status machine: Unresolved → Retrying → Resolved, or back to Unresolved when the retry fails;
/// Unresolved → Resolved (fixed by hand) or Discarded; a retry without a result in time goes back to Unresolved.
/// Resolved and Discarded are final.
/// </summary>
public static class DeadLetterLifecycle
{
    public static bool IsFinal(DeadLetterStatus status) => status is DeadLetterStatus.Resolved or DeadLetterStatus.Discarded;

    /// <summary>Open records are the ones a recurring failure updates; there is at most one per aggregate and operation.</summary>
    public static bool IsOpen(DeadLetterStatus status) => !IsFinal(status);

    public static RemediationDecision Decide(DeadLetterStatus from, RemediationAction action)
    {
        DeadLetterStatus? to = (from, action) switch
        {
            (DeadLetterStatus.Unresolved, RemediationAction.StartRetry) => DeadLetterStatus.Retrying,
            (DeadLetterStatus.Unresolved, RemediationAction.Resolve) => DeadLetterStatus.Resolved,
            (DeadLetterStatus.Unresolved, RemediationAction.Discard) => DeadLetterStatus.Discarded,
            (DeadLetterStatus.Retrying, RemediationAction.RetrySucceeded) => DeadLetterStatus.Resolved,
            (DeadLetterStatus.Retrying, RemediationAction.RetryFailed) => DeadLetterStatus.Unresolved,
            (DeadLetterStatus.Retrying, RemediationAction.AbandonRetry) => DeadLetterStatus.Unresolved,
            _ => null,
        };
        return to is { } next
            ? RemediationDecision.Allow(from, action, next)
            : RemediationDecision.Refuse(from, action, RefusalReason(from, action));
    }

    /// <summary>The actions a person may take now; the retry results are reported by the machinery, not chosen.</summary>
    public static IReadOnlyList<RemediationAction> ManualActions(DeadLetterStatus status) => status == DeadLetterStatus.Unresolved
        ? [RemediationAction.StartRetry, RemediationAction.Resolve, RemediationAction.Discard]
        : [];

    /// <summary>
    /// Moves the record when the step is allowed, closing it when the new status is final and releasing the retry claim
    /// when it leaves Retrying (<see cref="DeadLetterRetryClaims.Claim"/> sets one).
    /// </summary>
    public static RemediationDecision Apply(DeadLetter letter, RemediationAction action, DateTimeOffset now)
    {
        var decision = Decide(letter.Status, action);
        if (decision.To is { } to)
        {
            letter.Status = to;
            letter.ClosedAt = IsFinal(to) ? now : null;
            if (to != DeadLetterStatus.Retrying)
                (letter.RetryClaimId, letter.RetryClaimedAt) = (null, null);
        }
        return decision;
    }

    static string RefusalReason(DeadLetterStatus from, RemediationAction action) => from switch
    {
        _ when IsFinal(from) => $"The dead letter is already {from.ToString().ToLowerInvariant()}; it can no longer change.",
        DeadLetterStatus.Retrying => "A retry is under way; wait for its result.",
        _ => $"{action} is reported only while a retry is under way.",
    };
}
