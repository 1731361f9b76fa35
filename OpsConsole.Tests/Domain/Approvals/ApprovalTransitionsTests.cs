using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;
using static OpsConsole.Tests.Domain.Approvals.Requests;

namespace OpsConsole.Tests.Domain.Approvals;

[Trait("Category", "Domain")]
public class ApprovalTransitionsTests
{
    static readonly DateTimeOffset Now = Created.AddHours(1);
    static readonly ApprovalActor Stellar = ApprovalActor.System("stellar");

    [Fact]
    public void Open_creates_a_pending_tier_1_request_announced_to_the_department_operators()
    {
        var r = Pending();
        Assert.Equal(ApprovalStatus.Pending, r.Status);
        Assert.Equal(1, r.Tier);
        Assert.Null(r.Assignee);
        Assert.Equal(Created, r.CreatedAt);
        Assert.Equal(Created, r.LastActivityAt);
        Assert.Equal(Created.AddHours(4), r.NextDueAt);
        var opened = ApprovalRules.Open(new NewApprovalRequest(ApprovalKind.Mint, "t", Treasury, Requester, Mint), r.Id,
            SlaPolicy.MintDefault, null, Created);
        var notice = Assert.Single(opened.Notices);
        Assert.Equal(NotificationEvents.ApprovalRequested, notice.EventKey);
        Assert.Equal(ApprovalAudience.RoleIn(ApprovalRoles.Operator, Treasury), notice.Audience);
    }

    [Fact]
    public void Open_refuses_invalid_input()
    {
        var ex = Assert.Throws<ArgumentException>(() => ApprovalRules.Open(
            new NewApprovalRequest(ApprovalKind.Mint, " ", Treasury, Requester, Mint), Guid.NewGuid(), SlaPolicy.MintDefault, null, Created));
        Assert.Contains("title", ex.Message);
    }

    [Fact]
    public void Approve_moves_pending_to_approved_and_tells_the_requester()
    {
        var r = Pending();
        var change = ApprovalRules.Apply(r, ApprovalCommand.Approve("looks right"), Operator, Now);
        Assert.True(change.IsApplied);
        Assert.Equal((ApprovalStatus.Pending, ApprovalStatus.Approved), (change.From, change.To!.Value));
        Assert.Equal(ApprovalAuditActions.Approved, change.AuditAction);
        Assert.Equal(ApprovalStatus.Approved, r.Status);
        Assert.Equal((Now, Operator.Id, "looks right"), (r.DecidedAt!.Value, r.DecidedBy, r.DecisionReason));
        Assert.Null(r.NextDueAt);
        var notice = Assert.Single(change.Notices);
        Assert.Equal(NotificationEvents.ApprovalDecided, notice.EventKey);
        Assert.Equal(ApprovalAudience.Person(Requester), notice.Audience);
        Assert.Equal(r.Id, notice.RequestId);
    }

    [Fact]
    public void Reject_moves_pending_to_rejected_with_its_reason()
    {
        var r = Pending();
        var change = ApprovalRules.Apply(r, ApprovalCommand.Reject("  wrong destination "), Operator, Now);
        Assert.Equal(ApprovalStatus.Rejected, change.To);
        Assert.Equal(ApprovalAuditActions.Rejected, change.AuditAction);
        Assert.Equal("wrong destination", r.DecisionReason);
        Assert.Equal(NotificationEvents.ApprovalDecided, Assert.Single(change.Notices).EventKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Reject_without_a_reason_is_refused(string? reason)
    {
        var r = Pending();
        var change = ApprovalRules.Apply(r, ApprovalCommand.Reject(reason), Operator, Now);
        Assert.False(change.IsApplied);
        Assert.Equal($"Request {r.Id} is Pending; it cannot be rejected without a reason.", change.Refusal);
        Assert.Equal(ApprovalStatus.Pending, r.Status);
    }

    [Fact]
    public void Requester_cancels_and_the_holders_and_requester_hear_of_it()
    {
        var r = Pending();
        var change = ApprovalRules.Apply(r, ApprovalCommand.Cancel("no longer needed"), ApprovalActor.User(Requester, [], []), Now);
        Assert.Equal(ApprovalStatus.Cancelled, change.To);
        Assert.Equal(ApprovalAuditActions.Cancelled, change.AuditAction);
        Assert.Equal([ApprovalAudience.Person(Requester), ApprovalAudience.RoleIn(ApprovalRoles.Operator, Treasury)],
            change.Notices.Select(n => n.Audience));
    }

    [Fact]
    public void Admin_may_cancel_someone_elses_request()
    {
        var change = ApprovalRules.Apply(Pending(), ApprovalCommand.Cancel(), Admin, Now);
        Assert.Equal(ApprovalStatus.Cancelled, change.To);
    }

    [Fact]
    public void An_approver_who_is_not_the_requester_cannot_cancel()
    {
        var r = Pending();
        var change = ApprovalRules.Apply(r, ApprovalCommand.Cancel(), Manager, Now);
        Assert.Equal($"Request {r.Id} is Pending; it can be cancelled only by its requester or an Admin, not by manager@demo.local.",
            change.Refusal);
    }

    [Fact]
    public void Escalate_now_moves_up_one_tier_to_the_managers_and_counts_as_the_timed_escalation()
    {
        var r = Pending();
        r.Assignee = "someone@demo.local";
        var change = ApprovalRules.Apply(r, ApprovalCommand.EscalateNow("urgent"), Operator, Now);
        Assert.Equal((1, 2), (change.TierBefore, change.TierAfter));
        Assert.Equal(ApprovalStatus.Pending, change.To);
        Assert.Equal(ApprovalAuditActions.Escalated, change.AuditAction);
        Assert.Null(r.Assignee);
        Assert.Equal(Now, r.EscalatedAt);
        var notice = Assert.Single(change.Notices);
        Assert.Equal((NotificationEvents.ApprovalEscalated, ApprovalAudience.RoleIn(ApprovalRoles.Manager, Treasury)),
            (notice.EventKey, notice.Audience));
        Assert.DoesNotContain(SlaStep.Escalate, SlaSchedule.DueSteps(r, r.Policy, null, Created.AddDays(2)));
    }

    [Fact]
    public void Escalate_now_from_tier_2_is_the_final_escalation_to_top_management()
    {
        var r = Pending();
        r.Tier = 2;
        var change = ApprovalRules.Apply(r, ApprovalCommand.EscalateNow(), Manager, Now);
        Assert.Equal(3, r.Tier);
        Assert.Equal(ApprovalAuditActions.EscalatedFinal, change.AuditAction);
        Assert.Equal(Now, r.EscalatedFinalAt);
        var notice = Assert.Single(change.Notices);
        Assert.Equal(NotificationEvents.ApprovalEscalatedFinal, notice.EventKey);
        Assert.Equal(NotificationClass.Critical, notice.Class);
        Assert.Equal(ApprovalAudience.RoleIn(ApprovalRoles.TopManagement, null), notice.Audience);
    }

    [Fact]
    public void Escalate_now_at_tier_3_is_refused()
    {
        var r = Pending();
        r.Tier = 3;
        var change = ApprovalRules.Apply(r, ApprovalCommand.EscalateNow(), Top, Now);
        Assert.Equal($"Request {r.Id} is Pending at tier 3, the top tier; it cannot be escalated further.", change.Refusal);
        Assert.Equal(3, r.Tier);
    }

    [Fact]
    public void Reassign_hands_the_request_to_a_user_restarts_inactivity_and_tells_the_new_assignee()
    {
        var r = Pending();
        var change = ApprovalRules.Apply(r, ApprovalCommand.Reassign("colleague@demo.local"), Operator, Now);
        Assert.Equal(ApprovalAuditActions.Reassigned, change.AuditAction);
        Assert.Equal("colleague@demo.local", r.Assignee);
        Assert.Equal(Now, r.LastActivityAt);
        Assert.Equal(Now.AddHours(4), r.NextDueAt);
        var notice = Assert.Single(change.Notices);
        Assert.Equal((NotificationEvents.ApprovalRequested, ApprovalAudience.Person("colleague@demo.local")), (notice.EventKey, notice.Audience));
    }

    [Fact]
    public void Reassign_needs_a_user_and_not_the_requester_nor_the_current_assignee()
    {
        var r = Pending();
        Assert.Equal($"Request {r.Id} is Pending; it cannot be reassigned without a user to assign.",
            ApprovalRules.Decide(r, ApprovalCommand.Reassign(" "), Operator, Now).Refusal);
        Assert.Equal($"Request {r.Id} is Pending; it cannot be reassigned to its requester, who may not approve it.",
            ApprovalRules.Decide(r, ApprovalCommand.Reassign(Requester.ToUpperInvariant()), Operator, Now).Refusal);
        r.Assignee = "colleague@demo.local";
        Assert.Equal($"Request {r.Id} is Pending and already assigned to colleague@demo.local; it cannot be reassigned to the same user.",
            ApprovalRules.Decide(r, ApprovalCommand.Reassign("colleague@demo.local"), Operator, Now).Refusal);
    }

    [Fact]
    public void Comment_restarts_inactivity_without_changing_status()
    {
        var r = Pending();
        var change = ApprovalRules.Apply(r, ApprovalCommand.Comment("checking with the partner"), Operator, Now);
        Assert.Equal((ApprovalStatus.Pending, ApprovalStatus.Pending), (change.From, change.To!.Value));
        Assert.Equal(ApprovalAuditActions.Commented, change.AuditAction);
        Assert.Empty(change.Notices);
        Assert.Equal(Now, r.LastActivityAt);
        Assert.Equal(Now.AddHours(4), r.NextDueAt);
    }

    [Fact]
    public void Comment_needs_text_and_someone_involved()
    {
        var r = Pending();
        Assert.Equal($"Request {r.Id} is Pending; it cannot be commented on without a comment.",
            ApprovalRules.Decide(r, ApprovalCommand.Comment(""), Operator, Now).Refusal);
        Assert.Equal($"Request {r.Id} is Pending at tier 1 of treasury; it cannot be commented on by viewer@demo.local, who may not act at this tier.",
            ApprovalRules.Decide(r, ApprovalCommand.Comment("hi"), Viewer, Now).Refusal);
        Assert.True(ApprovalRules.Decide(r, ApprovalCommand.Comment("why?"), ApprovalActor.User(Requester, [], []), Now).IsApplied);
    }

    [Fact]
    public void A_comment_on_a_decided_request_is_recorded_but_touches_no_timer()
    {
        var r = InStatus(ApprovalStatus.Approved);
        var change = ApprovalRules.Apply(r, ApprovalCommand.Comment("sent on Monday"), Operator, Now);
        Assert.True(change.IsApplied);
        Assert.Equal(Created, r.LastActivityAt);
        Assert.Null(r.NextDueAt);
    }

    [Fact]
    public void Expired_request_refuses_approval_and_points_to_resubmission()
    {
        var r = InStatus(ApprovalStatus.Expired);
        var change = ApprovalRules.Apply(r, ApprovalCommand.Approve(), Operator, Now);
        Assert.False(change.IsApplied);
        Assert.Null(change.To);
        Assert.Equal($"Request {r.Id} is Expired; it cannot be approved. Resubmit it instead.", change.Refusal);
        Assert.Equal(ApprovalStatus.Expired, r.Status);
    }

    [Fact]
    public void Resubmit_creates_a_new_pending_request_linked_to_the_expired_one_with_a_fresh_sla()
    {
        var r = Pending();
        r.Tier = 3;
        r.RemindedAt = r.EscalatedAt = r.EscalatedFinalAt = r.ExpiredAt = Created.AddHours(24);
        r.Status = ApprovalStatus.Expired;
        var newId = Guid.NewGuid();
        var policy = SlaPolicy.MintDefault with { RemindAfter = TimeSpan.FromHours(2) };
        var later = Created.AddDays(3);
        var change = ApprovalRules.Apply(r, ApprovalCommand.Resubmit(newId, policy), ApprovalActor.User(Requester, [], []), later);

        Assert.Equal((ApprovalStatus.Expired, ApprovalStatus.Expired), (change.From, change.To!.Value));
        Assert.Equal(ApprovalAuditActions.Resubmitted, change.AuditAction);
        var next = Assert.IsType<ApprovalRequest>(change.Resubmission);
        Assert.Equal((newId, r.Id), (next.Id, next.ResubmissionOf!.Value));
        Assert.Equal((ApprovalStatus.Pending, 1), (next.Status, next.Tier));
        Assert.Equal(r.Payload, next.Payload);
        Assert.Equal((r.Title, r.Department, r.RequestedBy, r.Kind), (next.Title, next.Department, next.RequestedBy, next.Kind));
        Assert.Equal((later, later, policy), (next.CreatedAt, next.LastActivityAt, next.Policy));
        Assert.Null(next.RemindedAt ?? next.EscalatedAt ?? next.EscalatedFinalAt ?? next.ExpiredAt ?? next.DecidedAt);
        Assert.Equal(later.AddHours(2), next.NextDueAt);
        var notice = Assert.Single(change.Notices);
        Assert.Equal((newId, NotificationEvents.ApprovalRequested), (notice.RequestId, notice.EventKey));
    }

    [Fact]
    public void Resubmit_is_open_to_department_operators_and_admins_but_not_to_others()
    {
        var r = InStatus(ApprovalStatus.Expired);
        var command = ApprovalCommand.Resubmit(Guid.NewGuid(), SlaPolicy.MintDefault);
        Assert.True(ApprovalRules.Decide(r, command, Operator, Now).IsApplied);
        Assert.True(ApprovalRules.Decide(r, command, Admin, Now).IsApplied);
        Assert.Equal($"Request {r.Id} is Expired; it can be resubmitted only by its requester, an Admin or an approver of treasury, not by op@ops.local.",
            ApprovalRules.Decide(r, command, OtherOperator, Now).Refusal);
    }

    [Theory]
    [InlineData(ApprovalStatus.Pending)]
    [InlineData(ApprovalStatus.Approved)]
    [InlineData(ApprovalStatus.Rejected)]
    [InlineData(ApprovalStatus.Cancelled)]
    [InlineData(ApprovalStatus.Confirmed)]
    [InlineData(ApprovalStatus.SubmissionFailed)]
    public void Only_an_expired_request_or_a_timed_out_mint_can_be_resubmitted(ApprovalStatus status)
    {
        var r = InStatus(status);
        var change = ApprovalRules.Decide(r, ApprovalCommand.Resubmit(Guid.NewGuid(), SlaPolicy.MintDefault), Operator, Now);
        Assert.Equal($"Request {r.Id} is {status}; it cannot be resubmitted. Only an expired request or a mint that timed out can be resubmitted.", change.Refusal);
    }

    [Theory]
    [InlineData(ApprovalStatus.Approved, ApprovalAction.MarkSubmitted, ApprovalStatus.Submitted, ApprovalAuditActions.Submitted)]
    [InlineData(ApprovalStatus.Submitted, ApprovalAction.MarkConfirmed, ApprovalStatus.Confirmed, ApprovalAuditActions.Confirmed)]
    [InlineData(ApprovalStatus.Submitted, ApprovalAction.MarkTimeoutFailed, ApprovalStatus.TimeoutFailed, ApprovalAuditActions.TimeoutFailed)]
    [InlineData(ApprovalStatus.Submitted, ApprovalAction.MarkSubmissionFailed, ApprovalStatus.SubmissionFailed, ApprovalAuditActions.SubmissionFailed)]
    public void Network_outcomes_follow_approval(ApprovalStatus from, ApprovalAction action, ApprovalStatus to, string audit)
    {
        var r = InStatus(from);
        var change = ApprovalRules.Apply(r, ApprovalCommand.Mark(action), Stellar, Now);
        Assert.Equal((from, to, audit), (change.From, change.To!.Value, change.AuditAction));
        Assert.Equal(to, r.Status);
        // A mint that did not happen is Critical news for whoever raised and approved it; the rest tell no one.
        Assert.Equal(to is ApprovalStatus.TimeoutFailed or ApprovalStatus.SubmissionFailed ? [NotificationEvents.MintFailed] : [],
            change.Notices.Select(n => n.EventKey).Distinct());
        Assert.All(change.Notices, n => Assert.Equal(NotificationClass.Critical, n.Class));
    }

    [Fact]
    public void A_timed_out_mint_is_resubmitted_as_a_new_pending_request_linked_to_it()
    {
        var r = InStatus(ApprovalStatus.TimeoutFailed);
        var newId = Guid.NewGuid();

        var change = ApprovalRules.Apply(r, ApprovalCommand.Resubmit(newId, SlaPolicy.MintDefault), Operator, Now);

        Assert.True(change.IsApplied);
        Assert.Equal((newId, ApprovalStatus.Pending, r.Id), (change.Resubmission!.Id, change.Resubmission.Status, change.Resubmission.ResubmissionOf!.Value));
        Assert.Equal(ApprovalStatus.TimeoutFailed, r.Status);
    }

    [Fact]
    public void Network_outcomes_are_reported_by_the_console_not_by_people()
    {
        var r = InStatus(ApprovalStatus.Approved);
        Assert.Equal($"Request {r.Id} is Approved; it can be marked submitted only by the console itself, not by a person.",
            ApprovalRules.Decide(r, ApprovalCommand.Mark(ApprovalAction.MarkSubmitted), Top, Now).Refusal);
    }

    public static TheoryData<ApprovalStatus, ApprovalAction> IllegalMoves()
    {
        var legal = new HashSet<(ApprovalStatus, ApprovalAction)>
        {
            (ApprovalStatus.Pending, ApprovalAction.Approve), (ApprovalStatus.Pending, ApprovalAction.Reject),
            (ApprovalStatus.Pending, ApprovalAction.Cancel), (ApprovalStatus.Pending, ApprovalAction.EscalateNow),
            (ApprovalStatus.Pending, ApprovalAction.Reassign), (ApprovalStatus.Expired, ApprovalAction.Resubmit),
            (ApprovalStatus.TimeoutFailed, ApprovalAction.Resubmit),
            (ApprovalStatus.Approved, ApprovalAction.MarkSubmitted), (ApprovalStatus.Submitted, ApprovalAction.MarkConfirmed),
            (ApprovalStatus.Submitted, ApprovalAction.MarkTimeoutFailed), (ApprovalStatus.Submitted, ApprovalAction.MarkSubmissionFailed),
        };
        var data = new TheoryData<ApprovalStatus, ApprovalAction>();
        foreach (var status in Enum.GetValues<ApprovalStatus>())
            foreach (var action in Enum.GetValues<ApprovalAction>())
                if (action != ApprovalAction.Comment && !legal.Contains((status, action)))
                    data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Every_other_action_is_refused_naming_the_request_its_status_and_the_action(ApprovalStatus status, ApprovalAction action)
    {
        var r = InStatus(status);
        var command = new ApprovalCommand(action)
        {
            Reason = "because",
            AssignTo = "colleague@demo.local",
            NewRequestId = Guid.NewGuid(),
            NewPolicy = SlaPolicy.MintDefault,
        };
        var actor = action.ToString().StartsWith("Mark", StringComparison.Ordinal) ? Stellar : Top;
        var change = ApprovalRules.Apply(r, command, actor, Now);
        Assert.False(change.IsApplied);
        Assert.StartsWith($"Request {r.Id} is {status}; it cannot be {ApprovalRefusals.Verb(action)}.", change.Refusal);
        Assert.Equal(status, r.Status);
        Assert.Empty(change.Notices);
        Assert.Null(change.AuditAction);
    }

    [Fact]
    public void Decide_leaves_the_request_untouched()
    {
        var r = Pending();
        var change = ApprovalRules.Decide(r, ApprovalCommand.EscalateNow(), Operator, Now);
        Assert.Equal(2, change.TierAfter);
        Assert.Equal((ApprovalStatus.Pending, 1, (DateTimeOffset?)null), (r.Status, r.Tier, r.EscalatedAt));
    }
}
