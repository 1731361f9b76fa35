using System.Globalization;
using System.Text.Json.Nodes;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>Describes what goes with every change of a request: the audit event (actor, tier, reason), the rendered
/// notices for each recipient, the live change, and the request's next SLA due time, so every instance's SLA timer
/// wakes for it. The service, the SLA timers and the demo seed all describe through
/// here; the executor writes it.</summary>
public sealed class ApprovalEffects(ApprovalNotifier notifier) : IApprovalChangeEffects
{
    public async Task<TransitionEffects> DescribeAsync(OpsDbContext db, ApprovalRequest request, string actor, string auditAction,
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
        var effects = TransitionEffects.Of(
            new AuditEntry(actor, auditAction, ApprovalAuditActions.SubjectType, request.Id.ToString(), details),
            new LiveChange(LiveTopics.Approvals, LiveChange.Changed, request.Id.ToString(), new Dictionary<string, string>
            {
                ["status"] = request.Status.ToString(),
                ["tier"] = request.Tier.ToString(CultureInfo.InvariantCulture),
            }));
        effects.Notices.AddRange(await notifier.NoticesAsync(db, request, notices, actor, reason, ct));
        effects.Wakes.At(SlaTimers.WakeJob, request.NextDueAt);
        return effects;
    }
}
