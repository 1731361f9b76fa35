using System.Text.Json.Nodes;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;

namespace OpsConsole.Features.Approvals;

/// <summary>Stages what goes with every change of a request, in its transaction: the audit event (actor, tier, reason)
/// the outbox rows of its notices and the live announcement. The service and the SLA timers both record through here.</summary>
public sealed class ApprovalRecorder(AuditTrail audit, LiveAnnouncer live, ApprovalNotifier notifier)
{
    public async Task RecordAsync(OpsDbContext db, ApprovalRequest request, string actor, string auditAction,
        ApprovalStatus from, int tierBefore, string? reason, IReadOnlyList<ApprovalNotice> notices, CancellationToken ct)
    {
        var details = new JsonObject
        {
            ["from"] = from.ToString(),
            ["to"] = request.Status.ToString(),
            ["tier"] = request.Tier,
        };
        if (tierBefore != request.Tier)
            details["tierBefore"] = tierBefore;
        if (reason is not null)
            details["reason"] = reason;
        if (request.Assignee is not null)
            details["assignee"] = request.Assignee;
        if (notices.Count > 0)
            details["notified"] = new JsonArray([.. notices.Select(n => n.EventKey).Distinct().Select(k => (JsonNode?)JsonValue.Create(k))]);
        await audit.AppendAsync(db, new AuditEntry(actor, auditAction, ApprovalAuditActions.SubjectType, request.Id.ToString(), details), ct);
        await notifier.StageAsync(db, request, notices, actor, reason, ct);
        await live.AnnounceAsync(db, new LiveChange(LiveTopics.Approvals, LiveChange.Changed, request.Id.ToString(),
            new Dictionary<string, string> { ["status"] = request.Status.ToString(), ["tier"] = request.Tier.ToString(System.Globalization.CultureInfo.InvariantCulture) }), ct);
    }
}
