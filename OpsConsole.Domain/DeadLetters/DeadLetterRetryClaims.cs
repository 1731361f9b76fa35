namespace OpsConsole.Domain.DeadLetters;

/// <summary>
/// A retry holds its record with a claim (an id and a time). A claim older than the allowed time is stale: its retry
/// is presumed dead and the record is taken back. A retry that finishes late writes its result only while its claim
/// is still the record's.
/// </summary>
public static class DeadLetterRetryClaims
{
    public static RemediationDecision Claim(DeadLetter letter, Guid claimId, DateTimeOffset now)
    {
        var decision = DeadLetterLifecycle.Apply(letter, RemediationAction.StartRetry, now);
        if (decision.IsAllowed)
            (letter.RetryClaimId, letter.RetryClaimedAt) = (claimId, now);
        return decision;
    }

    public static bool IsHeldBy(DeadLetter letter, Guid claimId) =>
        letter.Status == DeadLetterStatus.Retrying && letter.RetryClaimId == claimId;

    /// <summary>The claim time before which a Retrying record is stale.</summary>
    public static DateTimeOffset StaleBefore(DateTimeOffset now, TimeSpan staleAfter) =>
        staleAfter > TimeSpan.Zero ? now - staleAfter : throw new ArgumentOutOfRangeException(nameof(staleAfter), staleAfter, "A stale-claim limit must be positive.");

    /// <summary>A record Retrying without a claim time was claimed before claims were timed, so it counts as stale.</summary>
    public static bool IsStale(DeadLetter letter, DateTimeOffset now, TimeSpan staleAfter) =>
        letter.Status == DeadLetterStatus.Retrying && (letter.RetryClaimedAt is not { } at || at <= StaleBefore(now, staleAfter));

    /// <summary>Returns a stale record to Unresolved, releasing the claim; refused unless it is Retrying.</summary>
    public static RemediationDecision Abandon(DeadLetter letter, DateTimeOffset now) =>
        DeadLetterLifecycle.Apply(letter, RemediationAction.AbandonRetry, now);
}
