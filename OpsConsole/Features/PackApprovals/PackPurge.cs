using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// Deletes Task Runner records older than PackApprovals:RetainFor: approvals whose request is closed and that have not
/// changed since, holds, and the accepted events of both. The requests they opened and the audit trail stay. One audit event per purge that deletes.
/// </summary>
public sealed class PackPurge(GuardedTransitions transitions, IOptions<PackApprovalOptions> options, TimeProvider time)
{
    public static readonly string Actor = AuditEntry.System("PackPurge");

    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow() - options.Value.RetainFor;
        var purged = 0;
        var work = new TransitionContext(PackAuditActions.SubjectType, "retention", PackAuditActions.Purged, DeadLetterSources.Sweeper);
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            var db = attempt.Db;
            var requests = db.ApprovalRequests;
            var approvals = await db.PackApprovals
                .Where(p => p.UpdatedAt < cutoff && requests.Any(r => r.Id == p.RequestId && r.Status != ApprovalStatus.Pending))
                .ExecuteDeleteAsync(token);
            var holds = await db.PackHolds.Where(h => h.ReceivedAt < cutoff).ExecuteDeleteAsync(token);
            // An approval's accepted events go with it, never before: while it stands they judge what is sent again.
            var approvalsLeft = db.PackApprovals;
            var events = await db.AcceptedPackEvents
                .Where(e => e.AppliedAt != null && e.ReceivedAt < cutoff && (e.Kind == AcceptedPackEventKinds.Hold
                    || !approvalsLeft.Any(p => p.Tenant == e.Tenant && p.RunId == e.RunId && p.ApprovalId == e.Item)))
                .ExecuteDeleteAsync(token);
            purged = approvals + holds + events;
            return purged == 0
                ? TransitionDecision.Unchanged("nothing to purge")
                : TransitionDecision.Apply("kept", "purged", TransitionEffects.Of(new AuditEntry(Actor, PackAuditActions.Purged,
                    PackAuditActions.SubjectType, "retention", new JsonObject { ["approvals"] = approvals, ["holds"] = holds, ["events"] = events, ["olderThan"] = cutoff })));
        }, ct);
        return outcome is TransitionOutcome.Applied ? purged : 0;
    }
}
