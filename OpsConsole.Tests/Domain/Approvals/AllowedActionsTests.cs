using OpsConsole.Domain.Approvals;
using static OpsConsole.Domain.Approvals.ApprovalAction;
using static OpsConsole.Tests.Domain.Approvals.Requests;

namespace OpsConsole.Tests.Domain.Approvals;

[Trait("Category", "Domain")]
public class AllowedActionsTests
{
    static readonly DateTimeOffset Now = Created.AddHours(1);

    /// <summary>The requester as the console sees them: an Operator of the request's department.</summary>
    static readonly ApprovalActor RequesterOperator = ApprovalActor.User(Requester, [ApprovalRoles.Operator], [Treasury]);
    static readonly ApprovalActor OperatorOfOperations = OtherOperator;

    static readonly Dictionary<string, ApprovalActor> Actors = new()
    {
        ["operator"] = Operator,
        ["manager"] = Manager,
        ["top"] = Top,
        ["admin"] = Admin,
        ["viewer"] = Viewer,
        ["other-department"] = OperatorOfOperations,
        ["requester"] = RequesterOperator,
        ["requester-manager"] = RequesterWhoApproves,
        ["sla"] = ApprovalActor.Sla,
    };

    static ApprovalRequest At(ApprovalStatus status, int tier, string? assignee = null)
    {
        var r = InStatus(status);
        r.Tier = tier;
        r.Assignee = assignee;
        return r;
    }

    static void AssertAllowed(ApprovalRequest r, ApprovalActor actor, params ApprovalAction[] expected) =>
        Assert.Equal(expected.Order(), ApprovalRules.AllowedActions(r, actor).Order());

    [Fact]
    public void Operator_at_tier_1_may_decide_escalate_reassign_and_comment_but_not_cancel()
    {
        AssertAllowed(At(ApprovalStatus.Pending, 1), Operator, Approve, Reject, EscalateNow, Reassign, Comment);
    }

    [Fact]
    public void Requester_is_never_offered_approve_but_may_cancel()
    {
        AssertAllowed(At(ApprovalStatus.Pending, 1), RequesterOperator, Reject, Cancel, EscalateNow, Reassign, Comment);
        AssertAllowed(At(ApprovalStatus.Pending, 2), RequesterWhoApproves, Reject, Cancel, EscalateNow, Reassign, Comment);
    }

    [Fact]
    public void Requester_above_their_tier_may_still_cancel_and_comment()
    {
        AssertAllowed(At(ApprovalStatus.Pending, 2), RequesterOperator, Cancel, Comment);
    }

    [Fact]
    public void Operator_has_nothing_once_the_request_is_escalated_to_tier_2()
    {
        AssertAllowed(At(ApprovalStatus.Pending, 2), Operator);
        AssertAllowed(At(ApprovalStatus.Pending, 2), Manager, Approve, Reject, EscalateNow, Reassign, Comment);
    }

    [Fact]
    public void At_the_top_tier_only_top_management_acts_and_nobody_escalates_further()
    {
        AssertAllowed(At(ApprovalStatus.Pending, 3), Manager);
        AssertAllowed(At(ApprovalStatus.Pending, 3), Top, Approve, Reject, Reassign, Comment);
    }

    [Fact]
    public void Admin_may_cancel_and_comment_but_not_decide()
    {
        AssertAllowed(At(ApprovalStatus.Pending, 1), Admin, Cancel, Comment);
    }

    [Fact]
    public void Viewer_and_approvers_of_another_department_get_nothing()
    {
        foreach (var status in Enum.GetValues<ApprovalStatus>())
        {
            AssertAllowed(At(status, 1), Viewer);
            AssertAllowed(At(status, 1), OperatorOfOperations);
        }
    }

    [Fact]
    public void A_named_assignee_from_another_department_may_act_on_it()
    {
        AssertAllowed(At(ApprovalStatus.Pending, 2, OperatorOfOperations.Id), OperatorOfOperations,
            Approve, Reject, EscalateNow, Reassign, Comment);
    }

    [Fact]
    public void Expired_request_offers_resubmit_and_comment_to_those_who_could_raise_it_again()
    {
        foreach (var actor in new[] { Operator, Manager, Top, Admin, RequesterOperator })
            AssertAllowed(At(ApprovalStatus.Expired, 1), actor, Resubmit, Comment);
        // Escalated before it expired: a tier-1 Operator may still try again.
        AssertAllowed(At(ApprovalStatus.Expired, 2), Operator, Resubmit);
    }

    [Fact]
    public void A_mint_that_timed_out_offers_resubmit_and_comment_as_an_expired_request_does()
    {
        foreach (var actor in new[] { Operator, Manager, Top, Admin, RequesterOperator })
            AssertAllowed(At(ApprovalStatus.TimeoutFailed, 1), actor, Resubmit, Comment);
    }

    [Theory]
    [InlineData(ApprovalStatus.Approved)]
    [InlineData(ApprovalStatus.Rejected)]
    [InlineData(ApprovalStatus.Cancelled)]
    [InlineData(ApprovalStatus.Submitted)]
    [InlineData(ApprovalStatus.Confirmed)]
    [InlineData(ApprovalStatus.SubmissionFailed)]
    public void Decided_request_offers_people_only_a_comment(ApprovalStatus status)
    {
        foreach (var actor in new[] { Operator, Manager, Top, Admin, RequesterOperator })
            AssertAllowed(At(status, 1), actor, Comment);
    }

    [Fact]
    public void Only_the_console_itself_moves_an_approved_mint_on()
    {
        AssertAllowed(At(ApprovalStatus.Approved, 1), ApprovalActor.Sla, MarkSubmitted);
        AssertAllowed(At(ApprovalStatus.Submitted, 1), ApprovalActor.Sla, MarkConfirmed, MarkTimeoutFailed, MarkSubmissionFailed);
        AssertAllowed(At(ApprovalStatus.Pending, 1), ApprovalActor.Sla);
    }

    [Fact]
    public void Offered_actions_are_exactly_those_the_rules_would_apply_for_every_status_tier_actor_and_assignment()
    {
        var mismatches = new List<string>();
        var (offeredCount, refusedCount) = (0, 0);
        foreach (var status in Enum.GetValues<ApprovalStatus>())
            foreach (var tier in new[] { 1, 2, 3 })
                foreach (var (name, actor) in Actors)
                    foreach (var assignedToActor in new[] { false, true })
                    {
                        var r = At(status, tier, assignedToActor ? actor.Id : null);
                        var allowed = ApprovalRules.AllowedActions(r, actor);
                        foreach (var action in Enum.GetValues<ApprovalAction>())
                        {
                            var command = new ApprovalCommand(action)
                            {
                                Reason = "a reason",
                                AssignTo = "someone-else@demo.local",
                                NewRequestId = Guid.NewGuid(),
                                NewPolicy = SlaPolicy.MintDefault,
                            };
                            var applied = ApprovalRules.Decide(r, command, actor, Now).IsApplied;
                            var offered = allowed.Contains(action);
                            (offeredCount, refusedCount) = offered ? (offeredCount + 1, refusedCount) : (offeredCount, refusedCount + 1);
                            if (applied != offered)
                                mismatches.Add($"{action} by {name} on {status} at tier {tier} (assigned: {assignedToActor}): rules {applied}, offered {offered}");
                        }
                    }
        Assert.Empty(mismatches);
        // The sweep met both answers many times, so agreement is not the agreement of two empty sets.
        Assert.True(offeredCount > 100 && refusedCount > 100, $"offered {offeredCount}, refused {refusedCount}");
    }
}
