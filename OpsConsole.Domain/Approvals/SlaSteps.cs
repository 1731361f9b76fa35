using OpsConsole.Domain.Calendars;
using OpsConsole.Domain.Notifications;

namespace OpsConsole.Domain.Approvals;

/// <summary>Applies SLA steps to a request. The timer job and the safety sweep both call <see cref="ApplyDue"/>.</summary>
public static class SlaSteps
{
    /// <summary>Applies every step due now under the request's own policy and sets the next due time.</summary>
    public static IReadOnlyList<SlaStepResult> ApplyDue(ApprovalRequest request, BusinessCalendar? calendar, DateTimeOffset now)
    {
        var results = SlaSchedule.DueSteps(request, request.Policy, calendar, now).Select(step => Fire(request, step, now)).ToList();
        request.NextDueAt = SlaSchedule.NextDueAt(request, request.Policy, calendar);
        return results;
    }

    /// <summary>Applies one step and sets the next due time; a step that already fired or a decided request is refused.</summary>
    public static SlaStepResult Apply(ApprovalRequest request, SlaStep step, BusinessCalendar? calendar, DateTimeOffset now)
    {
        if (request.Status != ApprovalStatus.Pending)
            throw new InvalidOperationException($"Request {request.Id} is {request.Status}; SLA step {step} does not apply to it.");
        if (SlaSchedule.HasFired(request, step))
            throw new InvalidOperationException($"Request {request.Id} already had SLA step {step}; each step fires once.");
        var result = Fire(request, step, now);
        request.NextDueAt = SlaSchedule.NextDueAt(request, request.Policy, calendar);
        return result;
    }

    static SlaStepResult Fire(ApprovalRequest request, SlaStep step, DateTimeOffset now)
    {
        var (from, tierBefore) = (request.Status, request.Tier);
        string audit;
        List<ApprovalNotice> notices;
        switch (step)
        {
            case SlaStep.Remind:
                // Not activity: LastActivityAt stays, so a reminder never postpones anything.
                request.RemindedAt = now;
                audit = ApprovalAuditActions.Reminded;
                notices = [new(request.Id, NotificationEvents.ApprovalReminder, ApprovalAudience.Holders(request))];
                break;
            case SlaStep.Escalate:
                request.EscalatedAt = now;
                request.Tier = Math.Max(request.Tier, 2);
                request.Assignee = null;
                audit = ApprovalAuditActions.Escalated;
                notices = [new(request.Id, NotificationEvents.ApprovalEscalated, ApprovalAudience.RoleIn(ApprovalRoles.Manager, request.Department))];
                break;
            case SlaStep.EscalateFinal:
                request.EscalatedFinalAt = now;
                request.Tier = ApprovalRequest.MaxTier;
                request.Assignee = null;
                audit = ApprovalAuditActions.EscalatedFinal;
                notices = [new(request.Id, NotificationEvents.ApprovalEscalatedFinal, ApprovalAudience.RoleIn(ApprovalRoles.TopManagement, null))];
                break;
            case SlaStep.Expire:
                notices = [new(request.Id, NotificationEvents.ApprovalExpired, ApprovalAudience.Person(request.RequestedBy)),
                    new(request.Id, NotificationEvents.ApprovalExpired, ApprovalAudience.Holders(request))];
                request.ExpiredAt = now;
                request.Status = ApprovalStatus.Expired;
                audit = ApprovalAuditActions.Expired;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
        return new SlaStepResult(step, audit, from, request.Status, tierBefore, request.Tier, notices);
    }
}
