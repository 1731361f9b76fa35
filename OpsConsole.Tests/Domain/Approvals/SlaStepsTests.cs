using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;
using static OpsConsole.Tests.Domain.Approvals.Requests;

namespace OpsConsole.Tests.Domain.Approvals;

[Trait("Category", "Domain")]
public class SlaStepsTests
{
    static DateTimeOffset At(double hours) => Created.AddHours(hours);

    static readonly SlaPolicy WithFinal = SlaPolicy.MintDefault with { EscalateFinalAfter = TimeSpan.FromHours(18) };

    [Fact]
    public void Reminder_goes_to_the_current_holders()
    {
        var r = Pending();
        r.Assignee = "colleague@demo.local";
        var result = SlaSteps.Apply(r, SlaStep.Remind, null, At(4));
        Assert.Equal(ApprovalAuditActions.Reminded, result.AuditAction);
        Assert.Equal((ApprovalStatus.Pending, ApprovalStatus.Pending, 1, 1), (result.From, result.To, result.TierBefore, result.TierAfter));
        var notice = Assert.Single(result.Notices);
        Assert.Equal((NotificationEvents.ApprovalReminder, ApprovalAudience.Person("colleague@demo.local"), NotificationClass.Action),
            (notice.EventKey, notice.Audience, notice.Class));
    }

    [Fact]
    public void Escalation_moves_to_tier_2_and_tells_the_department_managers()
    {
        var r = Pending();
        r.Assignee = "colleague@demo.local";
        SlaSteps.Apply(r, SlaStep.Remind, null, At(4));
        var result = SlaSteps.Apply(r, SlaStep.Escalate, null, At(12));
        Assert.Equal((ApprovalAuditActions.Escalated, 1, 2), (result.AuditAction, result.TierBefore, result.TierAfter));
        Assert.Null(r.Assignee);
        Assert.Equal(At(12), r.EscalatedAt);
        Assert.Equal(At(24), r.NextDueAt);
        var notice = Assert.Single(result.Notices);
        Assert.Equal((NotificationEvents.ApprovalEscalated, ApprovalAudience.RoleIn(ApprovalRoles.Manager, Treasury)), (notice.EventKey, notice.Audience));
        Assert.True(ApprovalPermissions.CanAct(Manager, r));
        Assert.False(ApprovalPermissions.CanAct(Operator, r));
    }

    [Fact]
    public void Final_escalation_moves_to_tier_3_and_sends_a_critical_event_to_top_management()
    {
        var r = Pending(WithFinal);
        var result = SlaSteps.Apply(r, SlaStep.EscalateFinal, null, At(18));
        Assert.Equal((ApprovalAuditActions.EscalatedFinal, 3), (result.AuditAction, result.TierAfter));
        Assert.Equal(At(18), r.EscalatedFinalAt);
        var notice = Assert.Single(result.Notices);
        Assert.Equal((NotificationEvents.ApprovalEscalatedFinal, NotificationClass.Critical), (notice.EventKey, notice.Class));
        Assert.Equal(ApprovalAudience.RoleIn(ApprovalRoles.TopManagement, null), notice.Audience);
        Assert.False(ApprovalPermissions.CanAct(Manager, r));
        Assert.True(ApprovalPermissions.CanAct(Top, r));
    }

    [Fact]
    public void Expiry_ends_the_request_and_tells_the_requester_and_the_holders()
    {
        var r = Pending();
        r.Tier = 2;
        var result = SlaSteps.Apply(r, SlaStep.Expire, null, At(24));
        Assert.Equal((ApprovalAuditActions.Expired, ApprovalStatus.Pending, ApprovalStatus.Expired), (result.AuditAction, result.From, result.To));
        Assert.Equal((ApprovalStatus.Expired, At(24)), (r.Status, r.ExpiredAt!.Value));
        Assert.Null(r.NextDueAt);
        Assert.All(result.Notices, n => Assert.Equal((NotificationEvents.ApprovalExpired, NotificationClass.Critical, r.Id), (n.EventKey, n.Class, n.RequestId)));
        Assert.Equal([ApprovalAudience.Person(Requester), ApprovalAudience.RoleIn(ApprovalRoles.Manager, Treasury)],
            result.Notices.Select(n => n.Audience));
    }

    [Fact]
    public void Applying_a_step_twice_or_to_a_decided_request_is_refused()
    {
        var r = Pending();
        SlaSteps.Apply(r, SlaStep.Remind, null, At(4));
        Assert.Contains("already had SLA step Remind", Assert.Throws<InvalidOperationException>(() => SlaSteps.Apply(r, SlaStep.Remind, null, At(5))).Message);
        var decided = InStatus(ApprovalStatus.Rejected);
        Assert.Equal($"Request {decided.Id} is Rejected; SLA step Escalate does not apply to it.",
            Assert.Throws<InvalidOperationException>(() => SlaSteps.Apply(decided, SlaStep.Escalate, null, At(12))).Message);
    }

    [Fact]
    public void Apply_due_applies_every_due_step_and_sets_the_next_due_time()
    {
        var r = Pending();
        var results = SlaSteps.ApplyDue(r, null, At(13));
        Assert.Equal([SlaStep.Remind, SlaStep.Escalate], results.Select(s => s.Step));
        Assert.Equal(2, r.Tier);
        Assert.Equal(At(24), r.NextDueAt);
        Assert.Equal([NotificationEvents.ApprovalReminder, NotificationEvents.ApprovalEscalated], results.SelectMany(s => s.Notices).Select(n => n.EventKey));
    }
}
