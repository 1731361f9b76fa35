namespace OpsConsole.Domain.Stellar;

/// <summary>
/// The time bounds of a mint: from 0 to the earlier of now + the submit window and the request's SLA expiry, in whole
/// seconds, rounded down so the bound is never later than either. A mint never gets maxTime 0 (no bound): when no
/// bound later than now is left, there is no transaction to build, and the reason says why.
/// </summary>
public static class MintTimeBounds
{
    public static (TimeBounds? Bounds, string? Refusal) For(DateTimeOffset now, TimeSpan submitWindow, DateTimeOffset? slaExpiry)
    {
        if (submitWindow <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(submitWindow), submitWindow, "The submit window must be positive.");
        if (SubmissionRules.Guard(Approvals.ApprovalStatus.Approved, slaExpiry, now) is { } expired)
            return (null, expired);
        var end = slaExpiry is { } e && e < now + submitWindow ? e : now + submitWindow;
        var maxTime = end.ToUnixTimeSeconds();
        if (maxTime <= now.ToUnixTimeSeconds())
            return (null, "Less than a second is left before the request's SLA expires; nothing is submitted so late.");
        return (new TimeBounds(0, (ulong)maxTime), null);
    }

    /// <summary>Whether a transaction with <paramref name="bounds"/> may still be sent at <paramref name="now"/>.</summary>
    public static bool HasPassed(TimeBounds bounds, DateTimeOffset now) =>
        bounds.MaxTime == 0 || (ulong)Math.Max(0, now.ToUnixTimeSeconds()) >= bounds.MaxTime;
}
