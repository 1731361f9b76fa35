using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.DeadLetters;

/// <summary>
/// Deletes Resolved and Discarded records closed longer ago than DeadLetters:RetentionDays, with their remediation
/// history (the audit trail keeps every action for good); Unresolved and Retrying records are never touched.
/// </summary>
public sealed class DeadLetterPurge(GuardedTransitions transitions, IOptions<DeadLetterOptions> options, TimeProvider time)
{
    public const string Actor = "system:DeadLetterRetention";

    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var days = options.Value.RetentionDays;
        var cutoff = DeadLetterRetention.Cutoff(time.GetUtcNow(), days);
        var purged = 0;
        var work = new TransitionContext(RemediationLedger.SubjectType, "retention", DeadLetterActions.Purged, DeadLetterSources.Sweeper);
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            // Mirrors DeadLetterRetention.MayPurge, in SQL.
            purged = await attempt.Db.DeadLetters
                .Where(d => (d.Status == DeadLetterStatus.Resolved || d.Status == DeadLetterStatus.Discarded)
                    && d.ClosedAt != null && d.ClosedAt < cutoff)
                .ExecuteDeleteAsync(token);
            // A quiet night leaves no event; the job's own run record shows that it ran.
            return purged == 0
                ? TransitionDecision.Unchanged("nothing to purge")
                : TransitionDecision.Apply("closed", "purged", TransitionEffects.Of(
                    new AuditEntry(Actor, DeadLetterActions.Purged, RemediationLedger.SubjectType, "retention",
                        new JsonObject { ["count"] = purged, ["closedBefore"] = cutoff, ["retentionDays"] = days }),
                    new LiveChange(LiveTopics.DeadLetters, LiveChange.Removed)));
        }, ct);
        return outcome is TransitionOutcome.Applied ? purged : 0;
    }
}
