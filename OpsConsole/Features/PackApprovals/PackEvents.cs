using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// Takes the Task Runner's events through the one transition path: a requested approval is stored with a new approval
/// request in the same transaction (its notices go out with it), an update changes both, a hold is stored once. A repeat
/// changes nothing and sends nothing; content at odds with what was accepted is a conflict.
/// A requested approval and a hold also send what the matching routing rules choose (<see cref="PackNoticeRouter"/>). For
/// an approval that is in addition to the request's own notices: those reach the people who may decide it at its tier
/// and climb its SLA ladder, so no rule can leave a request without its approvers told; a rule adds the pack's own
/// message, in its language, for whoever else should know.
/// </summary>
public sealed class PackEvents(
    GuardedTransitions transitions,
    ApprovalService approvals,
    ResumeTokens tokens,
    PackNoticeRouter router,
    IOptions<PackApprovalOptions> options,
    TimeProvider time)
{
    public Task<PackEventOutcome> AcceptAsync(PackEvent e, MachineCaller caller, CancellationToken ct) => e switch
    {
        PackApprovalRequested requested => RequestedAsync(requested, caller, ct),
        PackApprovalUpdated updated => UpdatedAsync(updated, caller, ct),
        PackPolicyHold hold => HoldAsync(hold, caller, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Not a pack event."),
    };

    async Task<PackEventOutcome> RequestedAsync(PackApprovalRequested e, MachineCaller caller, CancellationToken ct)
    {
        var fingerprint = PackApprovalRules.Fingerprint(1, e.PlanHash, e.RequiredGrants, e.StepIds, e.Message, e.ResumeCallbackUrl, e.ResumeToken);
        PackApproval? result = null;
        string? unopened = null;
        var outcome = await transitions.RunAsync(Work(e, e.ApprovalId, PackAuditActions.Requested), async (attempt, token) =>
        {
            var db = attempt.Db;
            unopened = null;
            var stored = result = await FindAsync(db, e.Tenant, e.RunId, e.ApprovalId, token);
            var verdict = PackApprovalRules.OnRequested(stored, fingerprint);
            if (verdict.Kind != PackVerdictKind.Apply)
                return verdict.Kind == PackVerdictKind.Repeat ? TransitionDecision.Unchanged("requested") : TransitionDecision.Refuse(verdict.Reason!);
            var now = time.GetUtcNow();
            var approval = result = new PackApproval
            {
                Id = Guid.NewGuid(),
                Tenant = e.Tenant,
                RunId = e.RunId,
                ApprovalId = e.ApprovalId,
                KeyId = caller.KeyId,
                PlanHash = PackDecisionHash.PlainPlanHash(e.PlanHash),
                RequiredGrants = [.. e.RequiredGrants],
                StepIds = [.. e.StepIds],
                MessageTemplate = e.Message.Template,
                MessageLocale = e.Message.Locale,
                MessageValues = e.Message.Values,
                ResumeCallbackUrl = e.ResumeCallbackUrl,
                ProtectedResumeToken = tokens.Protect(e.ResumeToken),
                Fingerprint = fingerprint,
                RequestId = Guid.NewGuid(),
                CorrelationId = e.CorrelationId ?? e.EventId,
                LastEventId = e.EventId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            var opening = await approvals.OpenAsync(db, new NewApprovalRequest(ApprovalKind.PackApproval, Title(approval), options.Value.Department,
                caller.KeyId, Payload(approval), caller.Tenant), approval.RequestId, token);
            if (opening.Refusal is not null)
                return TransitionDecision.Refuse(unopened = opening.Refusal);
            db.PackApprovals.Add(approval);
            var routed = await router.ForApprovalAsync(db, approval, e.ResumeToken, token);
            var effects = TransitionEffects.Of(Routed(Audit(approval, PackAuditActions.Requested, e), routed)).Add(opening.Effects!);
            effects.Notices.AddRange(routed.Messages);
            return TransitionDecision.Apply("", "requested", effects);
        }, ct);
        // The console's own settings are at fault (the department), not the event: the sender may retry once they are fixed.
        if (unopened is not null)
            return PackEventOutcome.Unavailable($"The approval request could not be opened: {unopened} ({PackApprovalOptions.Section}:Department)");
        return Answer(outcome, e, result);
    }

    async Task<PackEventOutcome> UpdatedAsync(PackApprovalUpdated e, MachineCaller caller, CancellationToken ct)
    {
        PackApproval? result = null;
        PackVerdict? refused = null;
        var outcome = await transitions.RunAsync(Work(e, e.ApprovalId, PackAuditActions.Updated), async (attempt, token) =>
        {
            var db = attempt.Db;
            refused = null;
            var stored = result = await FindAsync(db, e.Tenant, e.RunId, e.ApprovalId, token, tracked: true);
            // Without a new token the stored one stays, and so does its part of the fingerprint.
            var token0 = e.ResumeToken ?? (stored is null ? null : tokens.Unprotect(stored.ProtectedResumeToken));
            var fingerprint = PackApprovalRules.Fingerprint(e.Revision, e.PlanHash, e.RequiredGrants, e.StepIds, e.Message, e.ResumeCallbackUrl, token0);
            var request = stored is null ? null : await db.ApprovalRequests.SingleAsync(r => r.Id == stored.RequestId, token);
            var verdict = PackApprovalRules.OnUpdated(stored, e.Revision, fingerprint, request?.Status == ApprovalStatus.Pending);
            if (verdict.Kind == PackVerdictKind.Repeat)
                return TransitionDecision.Unchanged("updated");
            if (verdict.Kind != PackVerdictKind.Apply)
                return TransitionDecision.Refuse((refused = verdict).Reason!);
            var approval = stored!;
            var previousPlan = approval.PlanHash;
            approval.Revision = e.Revision;
            approval.PlanHash = PackDecisionHash.PlainPlanHash(e.PlanHash);
            approval.RequiredGrants = [.. e.RequiredGrants];
            approval.StepIds = [.. e.StepIds];
            approval.MessageTemplate = e.Message.Template;
            approval.MessageLocale = e.Message.Locale;
            approval.MessageValues = e.Message.Values;
            approval.ResumeCallbackUrl = e.ResumeCallbackUrl;
            if (e.ResumeToken is not null)
                approval.ProtectedResumeToken = tokens.Protect(e.ResumeToken);
            approval.Fingerprint = fingerprint;
            approval.LastEventId = e.EventId;
            approval.UpdatedAt = time.GetUtcNow();
            // The request shows what is now to be approved.
            request!.Title = Title(approval);
            request.Payload = Payload(approval);
            var audit = Audit(approval, PackAuditActions.Updated, e);
            audit.Details!["revision"] = e.Revision;
            audit.Details["planChanged"] = previousPlan != approval.PlanHash;
            return TransitionDecision.Apply($"revision {e.Revision - 1}", $"revision {e.Revision}", TransitionEffects.Of(audit));
        }, ct);
        if (outcome is TransitionOutcome.Refused && refused?.Kind == PackVerdictKind.Missing)
            return PackEventOutcome.Missing(refused.Reason!);
        return Answer(outcome, e, result);
    }

    async Task<PackEventOutcome> HoldAsync(PackPolicyHold e, MachineCaller caller, CancellationToken ct)
    {
        var outcome = await transitions.RunAsync(Work(e, e.Gate, PackAuditActions.Held), async (attempt, token) =>
        {
            var db = attempt.Db;
            if (await db.PackHolds.AnyAsync(h => h.Tenant == e.Tenant && h.EventId == e.EventId, token))
                return TransitionDecision.Unchanged("held");
            var hold = new PackHold
            {
                Tenant = e.Tenant,
                RunId = e.RunId,
                Gate = e.Gate,
                EventId = e.EventId,
                KeyId = caller.KeyId,
                Parameters = e.Parameters,
                Messages = [.. e.Messages],
                OccurredAt = e.OccurredAt,
                ReceivedAt = time.GetUtcNow(),
                CorrelationId = e.CorrelationId ?? e.EventId,
            };
            db.PackHolds.Add(hold);
            var routed = await router.ForHoldAsync(db, hold, token);
            var effects = TransitionEffects.Of(Routed(new AuditEntry(Actor(caller), PackAuditActions.Held,
                PackAuditActions.HoldSubjectType, $"{e.Tenant}/{e.RunId}/{e.Gate}", new JsonObject
                {
                    ["eventId"] = e.EventId,
                    ["correlationId"] = hold.CorrelationId,
                    ["gate"] = e.Gate,
                    ["messages"] = new JsonArray([.. e.Messages.Select(m => JsonValue.Create(m))]),
                }), routed));
            effects.Notices.AddRange(routed.Messages);
            return TransitionDecision.Apply("", "held", effects);
        }, ct);
        var answer = new PackEventAnswer { Status = "", EventId = e.EventId, Type = PackEventTypes.PolicyHold, RunId = e.RunId };
        return outcome switch
        {
            TransitionOutcome.Applied => PackEventOutcome.Accepted(answer with { Status = PackEventStatuses.Accepted }),
            TransitionOutcome.Unchanged => PackEventOutcome.Duplicate(answer with { Status = PackEventStatuses.Duplicate }),
            _ => Failed(outcome),
        };
    }

    PackEventOutcome Answer(TransitionOutcome outcome, PackEvent e, PackApproval? approval)
    {
        PackEventAnswer Of(string status) => new()
        {
            Status = status,
            EventId = e.EventId,
            Type = e is PackApprovalRequested ? PackEventTypes.ApprovalRequested : PackEventTypes.ApprovalUpdated,
            RunId = e.RunId,
            ApprovalId = approval!.ApprovalId,
            Revision = approval.Revision,
            RequestId = approval.RequestId,
            Link = options.Value.LinkTo(approval.RequestId),
        };
        return outcome switch
        {
            TransitionOutcome.Applied => PackEventOutcome.Accepted(Of(PackEventStatuses.Accepted)),
            TransitionOutcome.Unchanged => PackEventOutcome.Duplicate(Of(PackEventStatuses.Duplicate)),
            TransitionOutcome.Refused refused => PackEventOutcome.Conflict(refused.Reason),
            _ => Failed(outcome),
        };
    }

    static PackEventOutcome Failed(TransitionOutcome outcome) => PackEventOutcome.Unavailable(outcome switch
    {
        TransitionOutcome.DeadLettered dead => $"The event could not be stored now and was kept for remediation ({dead.Reason}); send it again later.",
        TransitionOutcome.Failed failed => failed.Reason,
        _ => "The event could not be stored now; send it again later.",
    });

    static Task<PackApproval?> FindAsync(Platform.Data.OpsDbContext db, string tenant, string runId, string approvalId, CancellationToken ct,
        bool tracked = false)
    {
        var query = db.PackApprovals.Where(p => p.Tenant == tenant && p.RunId == runId && p.ApprovalId == approvalId);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }

    static TransitionContext Work(PackEvent e, string item, string operation) =>
        new(PackAuditActions.SubjectType, $"{e.Tenant}/{e.RunId}/{item}", operation, DeadLetterSources.Api, e.CorrelationId ?? e.EventId,
            new JsonObject { ["eventId"] = e.EventId, ["tenant"] = e.Tenant, ["runId"] = e.RunId });

    static string Actor(MachineCaller caller) => $"machine:{caller.KeyId}";

    static AuditEntry Audit(PackApproval approval, string action, PackEvent e) =>
        new($"machine:{approval.KeyId}", action, PackAuditActions.SubjectType, approval.Id.ToString(), new JsonObject
        {
            ["eventId"] = e.EventId,
            ["correlationId"] = e.CorrelationId ?? e.EventId,
            ["tenant"] = approval.Tenant,
            ["runId"] = approval.RunId,
            ["approvalId"] = approval.ApprovalId,
            ["planHash"] = approval.PlanHash,
            ["requestId"] = approval.RequestId.ToString(),
        });

    /// <summary>Records which routing rules chose the event's notices, when any did.</summary>
    static AuditEntry Routed(AuditEntry audit, RoutedNotices routed)
    {
        if (routed.Rules.Count > 0)
            audit.Details!["routedBy"] = new JsonArray([.. routed.Rules.Select(id => JsonValue.Create(id.ToString()))]);
        return audit;
    }

    static PackApprovalPayload Payload(PackApproval a) =>
        new(a.Tenant, a.RunId, a.ApprovalId, a.PlanHash, a.RequiredGrants, a.StepIds, Title(a));

    /// <summary>The request's title: the pack and what it asks, within the title's limit.</summary>
    static string Title(PackApproval a)
    {
        var pack = a.MessageValues.TryGetValue("pack", out var p) ? $"{p} " : "";
        var title = $"Pack {pack}run {a.RunId}: approve {a.ApprovalId} ({string.Join(", ", a.RequiredGrants)})";
        return title.Length <= NewApprovalRequestRules.MaxTitleLength ? title : title[..(NewApprovalRequestRules.MaxTitleLength - 1)] + "…";
    }
}
