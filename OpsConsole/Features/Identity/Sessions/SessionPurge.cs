using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Identity;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Identity.Sessions;

/// <summary>
/// Deletes sessions that have been over (ended or timed out) for longer than <see cref="Retention"/>; their start and
/// end stay on the audit trail, and a stored ticket serves nobody once the session cannot be used.
/// </summary>
public sealed class SessionPurge(GuardedTransitions transitions, IOptions<SessionSettings> options, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    public static readonly string Actor = AuditEntry.System("SessionPurge");

    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var limits = options.Value.Limits;
        var cutoff = time.GetUtcNow() - Retention;
        // A session's end is at the latest its absolute limit, or its idle limit after its last activity.
        var startedBefore = cutoff - limits.Absolute;
        var seenBefore = cutoff - limits.Idle;
        var purged = 0;
        var work = new TransitionContext(SessionActions.SubjectType, "retention", SessionActions.Purged, DeadLetterSources.Sweeper);
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            // Mirrors SessionLifetime.MayPurge, in SQL.
            purged = await attempt.Db.UserSessions
                .Where(s => s.EndedAt != null ? s.EndedAt < cutoff : s.StartedAt < startedBefore || s.LastSeenAt < seenBefore)
                .ExecuteDeleteAsync(token);
            return purged == 0
                ? TransitionDecision.Unchanged("nothing to purge")
                : TransitionDecision.Apply("over", "purged", TransitionEffects.Of(new AuditEntry(Actor, SessionActions.Purged,
                    SessionActions.SubjectType, "retention", new JsonObject { ["count"] = purged, ["overBefore"] = cutoff })));
        }, ct);
        return outcome is TransitionOutcome.Applied ? purged : 0;
    }
}
