using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// A decision on a Task Runner approval, from the console's buttons or the ack API alike: kept on the approval with its
/// decision hash, audited, and its resume call queued in the outbox in the same transaction, so the call leaves exactly
/// when the decision is committed and is retried until it gets through.
/// </summary>
public sealed class PackDecisionEffects(TimeProvider time) : IApprovalDecisionEffects
{
    public const string ResumeEventKey = "pack.resume";

    public async Task<TransitionEffects?> DescribeAsync(OpsDbContext db, ApprovalRequest request, ApprovalActor actor, string? reason,
        CancellationToken ct)
    {
        if (request.Kind != ApprovalKind.PackApproval)
            return null;
        var approval = await db.PackApprovals.SingleAsync(p => p.RequestId == request.Id, ct);
        var decision = request.Status == ApprovalStatus.Approved ? PackDecisions.Approve : PackDecisions.Reject;
        approval.Decision = decision;
        approval.DecisionHash = PackDecisionHash.Compute(approval.Tenant, approval.RunId, approval.ApprovalId, approval.PlanHash, decision);
        approval.DecidedBy = actor.Id;
        approval.DecisionComment = reason;
        approval.DecidedAt = request.DecidedAt ?? time.GetUtcNow();
        approval.UpdatedAt = approval.DecidedAt.Value;
        var effects = TransitionEffects.Of(new AuditEntry(actor.Id, PackAuditActions.Decided, PackAuditActions.SubjectType, approval.Id.ToString(),
            new JsonObject
            {
                ["decision"] = decision,
                ["decisionHash"] = approval.DecisionHash,
                ["correlationId"] = approval.CorrelationId,
                ["runId"] = approval.RunId,
                ["approvalId"] = approval.ApprovalId,
                ["requestId"] = request.Id.ToString(),
            }));
        effects.Notices.Add(ResumeCall(approval));
        return effects;
    }

    /// <summary>The outbox row of the resume call; its text says what is sent, never the token, which the channel reads
    /// and decrypts only when it sends.</summary>
    public static OutboxMessage ResumeCall(Domain.PackApprovals.PackApproval approval) => new(
        OutboxChannel.Callback,
        $"task-runner:{approval.KeyId}",
        PackAuditActions.SubjectType,
        approval.Id.ToString(),
        ResumeEventKey,
        nameof(NotificationClass.Action),
        $"Resume run {approval.RunId}: {approval.Decision} {approval.ApprovalId}",
        $"Decision {approval.Decision} by {approval.DecidedBy} for approval {approval.ApprovalId} of run {approval.RunId} (tenant {approval.Tenant}).",
        approval.DecidedAt!.Value);
}
