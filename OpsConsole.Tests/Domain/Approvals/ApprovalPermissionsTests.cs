using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Identity;
using static OpsConsole.Tests.Domain.Approvals.Requests;

namespace OpsConsole.Tests.Domain.Approvals;

[Trait("Category", "Domain")]
public class ApprovalPermissionsTests
{
    static readonly DateTimeOffset Now = Created.AddHours(1);

    [Fact]
    public void Requester_can_never_approve_their_own_request_whatever_their_roles()
    {
        var r = Pending();
        foreach (var tier in new[] { 1, 2, 3 })
        {
            r.Tier = tier;
            var self = ApprovalActor.User(Requester.ToUpperInvariant(),
                [ApprovalRoles.Operator, ApprovalRoles.Manager, ApprovalRoles.TopManagement, ApprovalRoles.Admin], [Treasury]);
            var change = ApprovalRules.Decide(r, ApprovalCommand.Approve(), self, Now);
            Assert.Equal($"Request {r.Id} is Pending and was requested by {self.Id}; it cannot be approved by its requester (segregation of duties).",
                change.Refusal);
            Assert.False(ApprovalPermissions.CanApprove(self, r));
        }
    }

    [Fact]
    public void Requester_assigned_by_name_still_cannot_approve()
    {
        var r = Pending();
        r.Assignee = Requester;
        Assert.False(ApprovalRules.Decide(r, ApprovalCommand.Approve(), RequesterWhoApproves, Now).IsApplied);
    }

    [Theory]
    [InlineData(1, true, true, true)]
    [InlineData(2, false, true, true)]
    [InlineData(3, false, false, true)]
    public void Operators_act_at_tier_1_managers_up_to_tier_2_top_management_at_every_tier(int tier, bool op, bool manager, bool top)
    {
        var r = Pending();
        r.Tier = tier;
        Assert.Equal(op, ApprovalPermissions.CanAct(Operator, r));
        Assert.Equal(manager, ApprovalPermissions.CanAct(Manager, r));
        Assert.Equal(top, ApprovalPermissions.CanAct(Top, r));
        Assert.Equal(op, ApprovalRules.Decide(r, ApprovalCommand.Approve(), Operator, Now).IsApplied);
        Assert.Equal(manager, ApprovalRules.Decide(r, ApprovalCommand.Approve(), Manager, Now).IsApplied);
        Assert.Equal(top, ApprovalRules.Decide(r, ApprovalCommand.Approve(), Top, Now).IsApplied);
    }

    [Fact]
    public void Approvers_of_another_department_and_other_roles_cannot_act()
    {
        var r = Pending();
        Assert.False(ApprovalPermissions.CanAct(OtherOperator, r));
        Assert.False(ApprovalPermissions.CanAct(Viewer, r));
        Assert.False(ApprovalPermissions.CanAct(Admin, r));
        Assert.False(ApprovalPermissions.CanAct(ApprovalActor.Sla, r));
        Assert.False(ApprovalPermissions.CanAct(ApprovalActor.User("m@ops.local", [ApprovalRoles.Manager], ["operations"]), r));
    }

    [Theory]
    [InlineData(ApprovalAction.Approve, "approved")]
    [InlineData(ApprovalAction.Reject, "rejected")]
    [InlineData(ApprovalAction.EscalateNow, "escalated")]
    [InlineData(ApprovalAction.Reassign, "reassigned")]
    public void Acting_above_ones_tier_is_refused_with_the_tier_named(ApprovalAction action, string verb)
    {
        var r = Pending();
        r.Tier = 2;
        var command = new ApprovalCommand(action) { Reason = "r", AssignTo = "x@demo.local" };
        var change = ApprovalRules.Decide(r, command, Operator, Now);
        Assert.Equal($"Request {r.Id} is Pending at tier 2 of treasury; it cannot be {verb} by operator@demo.local, who may not act at this tier.",
            change.Refusal);
    }

    [Fact]
    public void A_named_assignee_with_an_approver_role_may_act_outside_their_tier()
    {
        var r = Pending();
        r.Tier = 2;
        r.Assignee = "OPERATOR@demo.local";
        Assert.True(ApprovalPermissions.CanAct(Operator, r));
        r.Assignee = Viewer.Id;
        Assert.False(ApprovalPermissions.CanAct(Viewer, r));
    }

    [Fact]
    public void Scope_gives_the_inbox_the_highest_tier_per_department()
    {
        var manager = ApprovalPermissions.Scope(Manager.Roles, Manager.Departments);
        Assert.Equal(0, manager.EveryDepartmentTier);
        Assert.Equal(2, manager.TierIn("TREASURY"));
        Assert.Equal(0, manager.TierIn("operations"));
        Assert.True(manager.Covers(Treasury, 2));
        Assert.False(manager.Covers(Treasury, 3));

        var top = ApprovalPermissions.Scope(Top.Roles, Top.Departments);
        Assert.True(top.Covers("anything", 3));
        Assert.False(top.Covers("anything", 0));

        var none = ApprovalPermissions.Scope(Viewer.Roles, Viewer.Departments);
        Assert.Empty(none.DepartmentTiers);
        Assert.False(none.Covers(Treasury, 1));
    }

    [Fact]
    public void Approval_roles_are_the_identity_roles()
    {
        Assert.Equal(Roles.Operator, ApprovalRoles.Operator);
        Assert.Equal(Roles.Manager, ApprovalRoles.Manager);
        Assert.Equal(Roles.TopManagement, ApprovalRoles.TopManagement);
        Assert.Equal(Roles.Admin, ApprovalRoles.Admin);
        Assert.Equal([Roles.Operator, Roles.Manager, Roles.TopManagement], new[] { 1, 2, 3 }.Select(ApprovalRoles.ForTier));
    }

    [Fact]
    public void A_request_awaits_those_who_may_approve_it_only_while_it_is_pending()
    {
        var r = Pending();
        Assert.True(ApprovalPermissions.Awaits(Operator, r));
        Assert.False(ApprovalPermissions.Awaits(Viewer, r));
        Assert.False(ApprovalPermissions.Awaits(RequesterWhoApproves, r));

        foreach (var decided in new[] { ApprovalStatus.Approved, ApprovalStatus.Rejected, ApprovalStatus.Expired, ApprovalStatus.Cancelled })
            Assert.False(ApprovalPermissions.Awaits(Operator, InStatus(decided)), $"{decided} still awaits the operator");
    }

    [Fact]
    public void Holders_are_the_assignee_or_the_role_for_the_tier()
    {
        var r = Pending();
        Assert.Equal(ApprovalAudience.RoleIn(ApprovalRoles.Operator, Treasury), ApprovalAudience.Holders(r));
        r.Tier = 2;
        Assert.Equal(ApprovalAudience.RoleIn(ApprovalRoles.Manager, Treasury), ApprovalAudience.Holders(r));
        r.Tier = 3;
        Assert.Equal(ApprovalAudience.RoleIn(ApprovalRoles.TopManagement, null), ApprovalAudience.Holders(r));
        r.Assignee = "x@demo.local";
        Assert.Equal(ApprovalAudience.Person("x@demo.local"), ApprovalAudience.Holders(r));
    }
}
