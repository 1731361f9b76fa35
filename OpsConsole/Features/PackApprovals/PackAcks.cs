using Microsoft.EntityFrameworkCore;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// Decisions sent by the Task Runner's client for a person: the person must be an active console user who may decide the
/// request at its tier, and the decision goes through the same action as the console's buttons (which records it and
/// queues the resume call). The same decision again is answered as before and calls nothing; another is a conflict.
/// </summary>
public sealed class PackAcks(
    IDbContextFactory<OpsDbContext> contexts,
    ApprovalService approvals,
    IPeopleDirectory people,
    PackEventProcessing processing)
{
    public async Task<PackAckOutcome> DecideAsync(string runId, string approvalId, PackAckRequest ack, MachineCaller caller, CancellationToken ct)
    {
        // Accepted events of the approval that still wait their turn are applied first: the decision is about what was accepted.
        if (!await processing.ApplyWaitingAsync(caller.Tenant, runId, approvalId, ct))
            return new(StatusCodes.Status503ServiceUnavailable,
                Reason: $"Approval {approvalId} of run {runId} has accepted events the console could not apply yet; send the decision again later.");
        var stored = await FindAsync(caller.Tenant, runId, approvalId, ct);
        if (stored is null)
            return new(StatusCodes.Status404NotFound, Reason: $"Tenant {caller.Tenant} has no approval {approvalId} in run {runId}.");
        if (PackApprovalRules.CheckDecision(stored, ack) is { Count: > 0 } errors)
            return new(StatusCodes.Status400BadRequest, Errors: errors);
        var verdict = PackApprovalRules.OnDecision(stored, ack.DecisionHash);
        if (verdict.Kind == PackVerdictKind.Repeat)
            return new(StatusCodes.Status200OK, await AnswerAsync(stored, ct));
        if (verdict.Kind == PackVerdictKind.Conflict)
            return new(StatusCodes.Status409Conflict, Reason: verdict.Reason);

        if (await people.ActivePrincipalAsync(ack.Actor.Trim(), ct) is not { } person)
            return new(StatusCodes.Status403Forbidden, Reason: $"'{ack.Actor}' is not an active console user, so cannot decide approvals.");
        var actor = ApprovalActors.From(person);
        var command = ack.Decision.Equals(PackDecisions.Approve, StringComparison.OrdinalIgnoreCase)
            ? ApprovalCommand.Approve(ack.Comment)
            : ApprovalCommand.Reject(ack.Comment);
        var outcome = await approvals.ActAsync(stored.RequestId, command, actor, ct);

        // Whatever happened, the approval now says whether this decision (or another) stands.
        var now = (await FindAsync(caller.Tenant, runId, approvalId, ct))!;
        if (now.DecisionHash == ack.DecisionHash)
            return new(StatusCodes.Status200OK, await AnswerAsync(now, ct));
        return outcome switch
        {
            _ when now.DecisionHash is not null => new(StatusCodes.Status409Conflict, Reason: PackApprovalRules.OnDecision(now, ack.DecisionHash).Reason),
            TransitionOutcome.Refused refused when await StatusAsync(now.RequestId, ct) is not ApprovalStatus.Pending and var status =>
                new(StatusCodes.Status409Conflict, Reason: $"The request is {status} and can no longer be decided: {refused.Reason}"),
            TransitionOutcome.Refused refused => new(StatusCodes.Status403Forbidden, Reason: refused.Reason),
            TransitionOutcome.DeadLettered or TransitionOutcome.Failed => new(StatusCodes.Status503ServiceUnavailable,
                Reason: "The decision could not be recorded now; send it again later."),
            _ => new(StatusCodes.Status503ServiceUnavailable, Reason: "The decision was not recorded; send it again later."),
        };
    }

    /// <summary>The approval's decision and where its resume call stands, read from its outbox row.</summary>
    public async Task<PackAckAnswer> AnswerAsync(PackApproval approval, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var call = PackDecisionEffects.ResumeCall(approval);
        var row = await db.NotificationOutbox.AsNoTracking().SingleOrDefaultAsync(o => o.Id == call.Id, ct);
        var status = await db.ApprovalRequests.Where(r => r.Id == approval.RequestId).Select(r => r.Status).SingleAsync(ct);
        return new PackAckAnswer
        {
            RunId = approval.RunId,
            ApprovalId = approval.ApprovalId,
            Status = status.ToString(),
            Decision = approval.Decision!,
            DecisionHash = approval.DecisionHash!,
            DecidedBy = approval.DecidedBy!,
            DecidedAt = approval.DecidedAt!.Value,
            Resume = new PackResumeState
            {
                Status = row switch
                {
                    null => "Queued",
                    { Status: OutboxStatus.Delivered } => "Delivered",
                    { Status: OutboxStatus.Failed } => "DeadLettered",
                    { Attempts: > 0 } => "Retrying",
                    _ => "Queued",
                },
                Attempts = row?.Attempts ?? 0,
                DeliveredAt = row?.DeliveredAt,
                LastError = row?.LastError,
            },
        };
    }

    async Task<PackApproval?> FindAsync(string tenant, string runId, string approvalId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PackApprovals.AsNoTracking().SingleOrDefaultAsync(p => p.Tenant == tenant && p.RunId == runId && p.ApprovalId == approvalId, ct);
    }

    async Task<ApprovalStatus> StatusAsync(Guid requestId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApprovalRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync(ct);
    }
}
