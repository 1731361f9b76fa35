using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>Creates requests and carries out people's actions on them, each through the guarded-transition executor:
/// the Domain decides, this describes the change's effects, and the executor commits them together.</summary>
public sealed class ApprovalService(
    GuardedTransitions transitions,
    ApprovalEffects effects,
    IEnumerable<IApprovalDecisionEffects> decisionEffects,
    SlaPolicies policies,
    IOptions<SlaOptions> sla,
    TimeProvider time)
{
    /// <summary>Opens a request; under an Idempotency-Key (<paramref name="once"/>) the key is claimed and the answer kept
    /// in the same transaction.</summary>
    public async Task<ApprovalCreateResult> CreateAsync(NewApprovalRequest input, IdempotentCreate? once = null, CancellationToken ct = default)
    {
        if (NewApprovalRequestRules.Validate(input) is { Count: > 0 } errors)
            return new() { Errors = errors };
        var id = Guid.NewGuid();
        ApprovalRequest? created = null;
        ApprovalIdempotencyKey? earlier = null;
        var work = new TransitionContext(ApprovalAuditActions.SubjectType, id.ToString(), ApprovalAuditActions.Created,
            DeadLetterSources.Api, once?.Key, new JsonObject { ["title"] = input.Title, ["department"] = input.Department });
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            var db = attempt.Db;
            created = null;
            if (once is not null && (earlier = await once.ClaimAsync(db, token)) is not null)
                return TransitionDecision.Refuse("The Idempotency-Key was used before.");
            var opening = await OpenAsync(db, input, id, token);
            if (opening.Refusal is not null)
                return TransitionDecision.Refuse(opening.Refusal);
            once?.Keep(db, opening.Request!, time.GetUtcNow());
            created = opening.Request;
            return TransitionDecision.Apply("", nameof(ApprovalStatus.Pending), opening.Effects!);
        }, ct);
        return outcome switch
        {
            TransitionOutcome.Applied => new() { Created = created },
            TransitionOutcome.Refused when earlier is not null => once!.Answer(earlier),
            TransitionOutcome.Refused refused => new() { Errors = [new("department", refused.Reason)] },
            TransitionOutcome.DeadLettered dead => new() { Failure = dead.Reason },
            _ => throw new InvalidOperationException("A guarded transition ended in an unknown way."),
        };
    }

    /// <summary>
    /// Stages a new request on <paramref name="db"/> inside the attempt of a change that opens it (a request of its own, or
    /// a Task Runner approval that arrives with one), and describes its effects; the caller's change commits them.
    /// </summary>
    public async Task<ApprovalOpening> OpenAsync(OpsDbContext db, NewApprovalRequest input, Guid id, CancellationToken ct)
    {
        if (NewApprovalRequestRules.Validate(input) is { Count: > 0 } errors)
            return new(null, string.Join(" ", errors.Select(e => e.Message)), null);
        var department = input.Department!.Trim();
        if (!await TransactionReads.OnceAsync(db, (nameof(ApprovalService), department), () => db.Departments.AnyAsync(d => d.Id == department, ct)))
            return new(null, $"Unknown department '{department}'.", null);
        var policy = await policies.PolicyForAsync(db, input.Kind, ct);
        var opened = ApprovalRules.Open(input, id, policy, sla.Value.Calendar, time.GetUtcNow());
        db.ApprovalRequests.Add(opened.Request);
        return new(opened.Request, null, await effects.DescribeAsync(db, opened.Request, opened.Request.RequestedBy, ApprovalAuditActions.Created,
            ApprovalStatus.Pending, opened.Request.Tier, null, opened.Notices, ct));
    }

    public Task<TransitionOutcome> ApproveAsync(Guid id, ClaimsPrincipal user, string? reason = null, CancellationToken ct = default) =>
        ActAsync(id, ApprovalCommand.Approve(reason), ApprovalActors.From(user), ct);

    public Task<TransitionOutcome> RejectAsync(Guid id, ClaimsPrincipal user, string? reason, CancellationToken ct = default) =>
        ActAsync(id, ApprovalCommand.Reject(reason), ApprovalActors.From(user), ct);

    public Task<TransitionOutcome> CancelAsync(Guid id, ClaimsPrincipal user, string? reason = null, CancellationToken ct = default) =>
        ActAsync(id, ApprovalCommand.Cancel(reason), ApprovalActors.From(user), ct);

    public Task<TransitionOutcome> EscalateNowAsync(Guid id, ClaimsPrincipal user, string? reason = null, CancellationToken ct = default) =>
        ActAsync(id, ApprovalCommand.EscalateNow(reason), ApprovalActors.From(user), ct);

    public Task<TransitionOutcome> ReassignAsync(Guid id, ClaimsPrincipal user, string? assignTo, string? reason = null, CancellationToken ct = default) =>
        ActAsync(id, ApprovalCommand.Reassign(assignTo, reason), ApprovalActors.From(user), ct);

    public Task<TransitionOutcome> CommentAsync(Guid id, ClaimsPrincipal user, string? text, CancellationToken ct = default) =>
        ActAsync(id, ApprovalCommand.Comment(text), ApprovalActors.From(user), ct);

    /// <summary>Opens a new Pending request from an expired one, under the policy in force now.</summary>
    public Task<TransitionOutcome> ResubmitAsync(Guid id, ClaimsPrincipal user, CancellationToken ct = default) =>
        ActAsync(id, new ApprovalCommand(ApprovalAction.Resubmit), ApprovalActors.From(user), ct);

    /// <summary>Any action by any actor; the Domain's refusal comes back as the outcome's reason.</summary>
    public async Task<TransitionOutcome> ActAsync(Guid id, ApprovalCommand command, ApprovalActor actor, CancellationToken ct = default)
    {
        var work = new TransitionContext(ApprovalAuditActions.SubjectType, id.ToString(), $"approval.{command.Action}",
            actor.IsSystem ? DeadLetterSources.Sweeper : DeadLetterSources.Ui, null,
            new JsonObject { ["action"] = command.Action.ToString(), ["actor"] = actor.Id, ["reason"] = command.Reason, ["assignTo"] = command.AssignTo });
        return await transitions.RunAsync(work, async (attempt, token) =>
        {
            var db = attempt.Db;
            var request = await db.ApprovalRequests.SingleOrDefaultAsync(r => r.Id == id, token);
            if (request is null)
                return TransitionDecision.Refuse($"Request {id} does not exist.");
            var cmd = command.Action == ApprovalAction.Resubmit
                ? command with { NewRequestId = command.NewRequestId ?? Guid.NewGuid(), NewPolicy = await policies.PolicyForAsync(db, request.Kind, token) }
                : command;
            var change = ApprovalRules.Apply(request, cmd, actor, time.GetUtcNow(), sla.Value.Calendar);
            if (!change.IsApplied)
                return TransitionDecision.Refuse(change.Refusal!);
            var described = await effects.DescribeAsync(db, request, actor.Id, change.AuditAction!, change.From, change.TierBefore, cmd.Reason,
                change.Resubmission is null ? change.Notices : [], token);
            if (change.To is ApprovalStatus.Approved or ApprovalStatus.Rejected)
                foreach (var follower in decisionEffects)
                    if (await follower.DescribeAsync(db, request, actor, cmd.Reason, token) is { } more)
                        described.Add(more);
            if (change.Resubmission is { } fresh)
            {
                db.ApprovalRequests.Add(fresh);
                described.Add(await effects.DescribeAsync(db, fresh, actor.Id, ApprovalAuditActions.Created, ApprovalStatus.Pending, fresh.Tier,
                    $"resubmission of {request.Id}", change.Notices, token));
            }
            return TransitionDecision.Apply(change.From.ToString(), (change.To ?? change.From).ToString(), described);
        }, ct);
    }
}
