using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Identity;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>
/// Ends sessions inside the caller's guarded transition: each gets its end stamped and one audit event, and each user
/// concerned one announcement, on which their open circuits check their session at once.
/// </summary>
static class SessionEnding
{
    public static void End(IReadOnlyCollection<UserSession> sessions, string userEmail, string reason, string actor,
        DateTimeOffset now, TransitionEffects effects)
    {
        foreach (var session in sessions)
        {
            session.EndedAt = now;
            session.EndedBy = actor;
            session.EndReason = reason;
            effects.Audit.Add(new AuditEntry(actor, SessionActions.Ended, SessionActions.SubjectType, session.Id.ToString("N"),
                new() { ["user"] = userEmail, ["reason"] = reason }));
        }
        foreach (var userId in sessions.Select(s => s.UserId).Distinct())
            effects.Live.Add(new LiveChange(LiveTopics.Sessions, LiveChange.Removed, userId));
    }

    /// <summary>A user's sessions that can still be used, tracked on the attempt's context.</summary>
    public static async Task<List<UserSession>> UsableAsync(OpsDbContext db, string userId, SessionLimits limits, DateTimeOffset now,
        CancellationToken ct) =>
        (await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct))
            .Where(s => IsUsable(s, limits, now)).ToList();

    public static bool IsUsable(UserSession s, SessionLimits limits, DateTimeOffset now) =>
        SessionLifetime.StateAt(s.StartedAt, s.LastSeenAt, s.EndedAt, limits, now) == SessionState.Active;
}
