using OpsConsole.Domain.Calendars;
using OpsConsole.Domain.Notifications;

namespace OpsConsole.Domain.Approvals;

/// <summary>
/// The request's status machine: Pending → Approved | Rejected | Expired | Cancelled; Approved → Submitted →
/// Confirmed | TimeoutFailed | SubmissionFailed; Expired is final and only resubmitted as a new request.
/// <see cref="Decide"/> answers without touching the request; <see cref="Apply"/> makes the same change on it.
/// </summary>
public static class ApprovalRules
{
    /// <summary>A new Pending request at tier 1 with its SLA started; throws when the input is not valid.</summary>
    public static OpenedRequest Open(NewApprovalRequest input, Guid id, SlaPolicy policy, BusinessCalendar? calendar, DateTimeOffset now)
    {
        if (NewApprovalRequestRules.Validate(input) is [var first, ..])
            throw new ArgumentException($"{first.Field}: {first.Message}", nameof(input));
        var request = new ApprovalRequest
        {
            Id = id,
            Kind = input.Kind,
            Title = input.Title!.Trim(),
            Department = input.Department!.Trim(),
            RequestedBy = input.RequestedBy!.Trim(),
            Payload = input.Payload!,
            Tenant = input.Tenant,
            Status = ApprovalStatus.Pending,
            Tier = ApprovalRequest.MinTier,
            CreatedAt = now,
            LastActivityAt = now,
            Policy = policy,
        };
        request.NextDueAt = SlaSchedule.NextDueAt(request, policy, calendar);
        return new OpenedRequest(request, [new(id, NotificationEvents.ApprovalRequested, ApprovalAudience.Holders(request))]);
    }

    /// <summary>What the action would do, without changing <paramref name="request"/>.</summary>
    public static ApprovalChange Decide(ApprovalRequest request, ApprovalCommand command, ApprovalActor actor, DateTimeOffset now,
        BusinessCalendar? calendar = null) => Run(Copy(request), command, actor, now, calendar);

    /// <summary>Makes the change on <paramref name="request"/> when it is allowed; a refusal leaves it untouched.</summary>
    public static ApprovalChange Apply(ApprovalRequest request, ApprovalCommand command, ApprovalActor actor, DateTimeOffset now,
        BusinessCalendar? calendar = null)
    {
        var change = Decide(request, command, actor, now, calendar);
        return change.IsApplied ? Run(request, command, actor, now, calendar) : change;
    }

    /// <summary>The actions the actor could take on the request as it stands, given well-formed input (a reason to
    /// reject, a user to reassign to): what a page offers. Each is decided again by <see cref="Decide"/> when taken.</summary>
    public static IReadOnlySet<ApprovalAction> AllowedActions(ApprovalRequest request, ApprovalActor actor) =>
        Enum.GetValues<ApprovalAction>()
            .Where(a => AllowedFrom(request.Status, a) && ActorRefusal(request, a, actor) is null)
            .Where(a => a != ApprovalAction.EscalateNow || request.Tier < ApprovalRequest.MaxTier)
            .ToHashSet();

    static ApprovalChange Run(ApprovalRequest r, ApprovalCommand c, ApprovalActor actor, DateTimeOffset now, BusinessCalendar? calendar)
    {
        var (from, tierBefore) = (r.Status, r.Tier);
        ApprovalChange Refuse(string message) =>
            new() { RequestId = r.Id, Action = c.Action, From = from, TierBefore = tierBefore, TierAfter = tierBefore, Refusal = message };

        if (!AllowedFrom(r.Status, c.Action))
            return Refuse(ApprovalRefusals.WrongStatus(r, c.Action));
        if (ActorRefusal(r, c.Action, actor) is { } notAllowed)
            return Refuse(notAllowed);
        if (InputRefusal(r, c) is { } badInput)
            return Refuse(badInput);

        var (audit, notices, resubmission) = Change(r, c, actor, now, calendar);
        r.NextDueAt = SlaSchedule.NextDueAt(r, r.Policy, calendar);
        return new ApprovalChange
        {
            RequestId = r.Id,
            Action = c.Action,
            From = from,
            To = r.Status,
            AuditAction = audit,
            TierBefore = tierBefore,
            TierAfter = r.Tier,
            Notices = notices,
            Resubmission = resubmission,
        };
    }

    static bool AllowedFrom(ApprovalStatus status, ApprovalAction action) => action switch
    {
        ApprovalAction.Comment => true,
        // A mint that provably never landed is tried again only as a new request, with a new approval.
        ApprovalAction.Resubmit => status is ApprovalStatus.Expired or ApprovalStatus.TimeoutFailed,
        ApprovalAction.MarkSubmitted => status == ApprovalStatus.Approved,
        ApprovalAction.MarkConfirmed or ApprovalAction.MarkTimeoutFailed or ApprovalAction.MarkSubmissionFailed =>
            status == ApprovalStatus.Submitted,
        _ => status == ApprovalStatus.Pending,
    };

    static string? ActorRefusal(ApprovalRequest r, ApprovalAction action, ApprovalActor actor)
    {
        var isRequester = actor.Is(r.RequestedBy);
        return action switch
        {
            ApprovalAction.Approve when isRequester => ApprovalRefusals.OwnRequest(r, actor),
            ApprovalAction.Approve or ApprovalAction.Reject or ApprovalAction.EscalateNow or ApprovalAction.Reassign
                when !ApprovalPermissions.CanAct(actor, r) => ApprovalRefusals.NotAtTier(r, actor, action),
            ApprovalAction.Cancel when !isRequester && !actor.IsAdmin => ApprovalRefusals.NotRequesterOrAdmin(r, actor, action),
            ApprovalAction.Comment when !isRequester && !actor.IsAdmin && !ApprovalPermissions.CanAct(actor, r) =>
                ApprovalRefusals.NotAtTier(r, actor, action),
            // Whoever could have acted on it at tier 1 may try again, as may its requester.
            ApprovalAction.Resubmit when !isRequester && !actor.IsAdmin
                && !ApprovalPermissions.Scope(actor.Roles, actor.Departments).Covers(r.Department, ApprovalRequest.MinTier) =>
                ApprovalRefusals.NotResubmitter(r, actor),
            ApprovalAction.MarkSubmitted or ApprovalAction.MarkConfirmed or ApprovalAction.MarkTimeoutFailed
                or ApprovalAction.MarkSubmissionFailed when !actor.IsSystem => ApprovalRefusals.SystemOnly(r, action),
            _ => null,
        };
    }

    static string? InputRefusal(ApprovalRequest r, ApprovalCommand c) => c.Action switch
    {
        ApprovalAction.Reject when string.IsNullOrWhiteSpace(c.Reason) => ApprovalRefusals.Missing(r, c.Action, "a reason"),
        ApprovalAction.Comment when string.IsNullOrWhiteSpace(c.Reason) => ApprovalRefusals.Missing(r, c.Action, "a comment"),
        ApprovalAction.Reassign when string.IsNullOrWhiteSpace(c.AssignTo) => ApprovalRefusals.Missing(r, c.Action, "a user to assign"),
        ApprovalAction.Reassign when string.Equals(c.AssignTo!.Trim(), r.RequestedBy, StringComparison.OrdinalIgnoreCase) =>
            ApprovalRefusals.ToRequester(r),
        ApprovalAction.Reassign when string.Equals(c.AssignTo!.Trim(), r.Assignee, StringComparison.OrdinalIgnoreCase) =>
            ApprovalRefusals.SameAssignee(r),
        ApprovalAction.EscalateNow when r.Tier >= ApprovalRequest.MaxTier => ApprovalRefusals.TopTier(r),
        ApprovalAction.Resubmit when c.NewRequestId is null || c.NewPolicy is null =>
            throw new ArgumentException("A resubmission needs the new request's id and the policy in force.", nameof(c)),
        _ => null,
    };

    static (string Audit, List<ApprovalNotice> Notices, ApprovalRequest? Resubmission) Change(
        ApprovalRequest r, ApprovalCommand c, ApprovalActor actor, DateTimeOffset now, BusinessCalendar? calendar)
    {
        var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
        switch (c.Action)
        {
            case ApprovalAction.Approve:
            case ApprovalAction.Reject:
            case ApprovalAction.Cancel:
                var holders = ApprovalAudience.Holders(r);
                r.Status = c.Action switch
                {
                    ApprovalAction.Approve => ApprovalStatus.Approved,
                    ApprovalAction.Reject => ApprovalStatus.Rejected,
                    _ => ApprovalStatus.Cancelled,
                };
                (r.DecidedAt, r.DecidedBy, r.DecisionReason) = (now, actor.Id, reason);
                List<ApprovalNotice> decided = [new(r.Id, NotificationEvents.ApprovalDecided, ApprovalAudience.Person(r.RequestedBy))];
                if (c.Action == ApprovalAction.Cancel)
                    decided.Add(new(r.Id, NotificationEvents.ApprovalDecided, holders));
                var audit = r.Status switch
                {
                    ApprovalStatus.Approved => ApprovalAuditActions.Approved,
                    ApprovalStatus.Rejected => ApprovalAuditActions.Rejected,
                    _ => ApprovalAuditActions.Cancelled,
                };
                return (audit, decided, null);
            case ApprovalAction.EscalateNow:
                r.Tier++;
                r.Assignee = null;
                // Counts as the timed step too, so the timer does not escalate a second time.
                if (r.Tier == ApprovalRequest.MaxTier)
                {
                    r.EscalatedAt ??= now;
                    r.EscalatedFinalAt ??= now;
                    return (ApprovalAuditActions.EscalatedFinal,
                        [new(r.Id, NotificationEvents.ApprovalEscalatedFinal, ApprovalAudience.RoleIn(ApprovalRoles.TopManagement, null))], null);
                }
                r.EscalatedAt ??= now;
                return (ApprovalAuditActions.Escalated,
                    [new(r.Id, NotificationEvents.ApprovalEscalated, ApprovalAudience.RoleIn(ApprovalRoles.Manager, r.Department))], null);
            case ApprovalAction.Reassign:
                r.Assignee = c.AssignTo!.Trim();
                r.LastActivityAt = now;
                return (ApprovalAuditActions.Reassigned, [new(r.Id, NotificationEvents.ApprovalRequested, ApprovalAudience.Person(r.Assignee))], null);
            case ApprovalAction.Comment:
                if (r.Status == ApprovalStatus.Pending)
                    r.LastActivityAt = now;
                return (ApprovalAuditActions.Commented, [], null);
            case ApprovalAction.Resubmit:
                var input = new NewApprovalRequest(r.Kind, r.Title, r.Department, r.RequestedBy, r.Payload, r.Tenant);
                var opened = Open(input, c.NewRequestId!.Value, c.NewPolicy!, calendar, now);
                opened.Request.ResubmissionOf = r.Id;
                return (ApprovalAuditActions.Resubmitted, [.. opened.Notices], opened.Request);
            case ApprovalAction.MarkSubmitted:
                r.Status = ApprovalStatus.Submitted;
                return (ApprovalAuditActions.Submitted, [], null);
            case ApprovalAction.MarkConfirmed:
                r.Status = ApprovalStatus.Confirmed;
                return (ApprovalAuditActions.Confirmed, [], null);
            case ApprovalAction.MarkTimeoutFailed:
                r.Status = ApprovalStatus.TimeoutFailed;
                return (ApprovalAuditActions.TimeoutFailed, MintFailed(r), null);
            case ApprovalAction.MarkSubmissionFailed:
                r.Status = ApprovalStatus.SubmissionFailed;
                return (ApprovalAuditActions.SubmissionFailed, MintFailed(r), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Action, null);
        }
    }

    /// <summary>A failed mint is Critical for whoever raised it and whoever approved it.</summary>
    static List<ApprovalNotice> MintFailed(ApprovalRequest r) =>
        [.. new[] { r.RequestedBy, r.DecidedBy }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(person => new ApprovalNotice(r.Id, NotificationEvents.MintFailed, ApprovalAudience.Person(person)))];

    static ApprovalRequest Copy(ApprovalRequest r) => new()
    {
        Id = r.Id,
        Kind = r.Kind,
        Title = r.Title,
        Department = r.Department,
        RequestedBy = r.RequestedBy,
        Payload = r.Payload,
        Status = r.Status,
        Tier = r.Tier,
        Assignee = r.Assignee,
        CreatedAt = r.CreatedAt,
        LastActivityAt = r.LastActivityAt,
        Policy = r.Policy,
        NextDueAt = r.NextDueAt,
        RemindedAt = r.RemindedAt,
        EscalatedAt = r.EscalatedAt,
        EscalatedFinalAt = r.EscalatedFinalAt,
        ExpiredAt = r.ExpiredAt,
        DecidedAt = r.DecidedAt,
        DecidedBy = r.DecidedBy,
        DecisionReason = r.DecisionReason,
        ResubmissionOf = r.ResubmissionOf,
        Version = r.Version,
    };
}
