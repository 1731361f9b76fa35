namespace OpsConsole.Domain.Identity;

/// <summary>Decides whether a sign-in is still usable, and when its last-seen time is worth writing again.</summary>
public static class SessionLifetime
{
    /// <summary>Activity closer together than this is not written again; it is far below any sensible idle timeout.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public static SessionState StateAt(DateTimeOffset startedAt, DateTimeOffset lastSeenAt, DateTimeOffset? endedAt,
        SessionLimits limits, DateTimeOffset now) =>
        endedAt is not null ? SessionState.Ended
        : now >= startedAt + limits.Absolute ? SessionState.Expired
        : now >= lastSeenAt + limits.Idle ? SessionState.IdleTimedOut
        : SessionState.Active;

    /// <summary>When an untouched active session stops being usable: the idle limit or the absolute one, whichever comes first.</summary>
    public static DateTimeOffset EndsAt(DateTimeOffset startedAt, DateTimeOffset lastSeenAt, SessionLimits limits)
    {
        var idle = lastSeenAt + limits.Idle;
        var absolute = startedAt + limits.Absolute;
        return idle < absolute ? idle : absolute;
    }

    /// <summary>True when activity now should move the last-seen time on (at most once per <see cref="TouchEvery"/>).</summary>
    public static bool ShouldTouch(DateTimeOffset lastSeenAt, DateTimeOffset now) => now - lastSeenAt >= TouchEvery;

    /// <summary>Whether a session that stopped being usable before <paramref name="cutoff"/> may be deleted; the audit
    /// trail keeps its start and end.</summary>
    public static bool MayPurge(DateTimeOffset startedAt, DateTimeOffset lastSeenAt, DateTimeOffset? endedAt,
        SessionLimits limits, DateTimeOffset cutoff) =>
        (endedAt ?? EndsAt(startedAt, lastSeenAt, limits)) < cutoff;
}
