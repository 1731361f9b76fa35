using OpsConsole.Domain.Approvals;
using static OpsConsole.Tests.Domain.Approvals.Requests;

namespace OpsConsole.Tests.Domain.Approvals;

/// <summary>Step times on the wall clock, with the default mint policy (remind 4 h, escalate 12 h, expire 24 h).</summary>
[Trait("Category", "Domain")]
public class SlaScheduleTests
{
    static DateTimeOffset At(double hours) => Created.AddHours(hours);

    static readonly SlaPolicy WithFinal = SlaPolicy.MintDefault with { EscalateFinalAfter = TimeSpan.FromHours(18) };

    [Fact]
    public void Mint_default_policy_reminds_at_4h_escalates_at_12h_has_no_final_step_and_expires_at_24h()
    {
        var p = SlaPolicy.DefaultFor(ApprovalKind.Mint);
        Assert.Equal((TimeSpan.FromHours(4), TimeSpan.FromHours(12), (TimeSpan?)null, TimeSpan.FromHours(24), SlaClock.WallClock),
            (p.RemindAfter!.Value, p.EscalateAfter!.Value, p.EscalateFinalAfter, p.ExpireAfter!.Value, p.Clock));
    }

    [Theory]
    [InlineData(SlaStep.Remind, 4.0)]
    [InlineData(SlaStep.Escalate, 12.0)]
    [InlineData(SlaStep.EscalateFinal, 18.0)]
    [InlineData(SlaStep.Expire, 24.0)]
    public void Each_step_falls_due_after_its_duration(SlaStep step, double hours)
    {
        var r = Pending(WithFinal);
        Assert.Equal(At(hours), SlaSchedule.DueAt(r, WithFinal, null, step));
        Assert.DoesNotContain(step, SlaSchedule.DueSteps(r, WithFinal, null, At(hours).AddTicks(-1)));
        Assert.Contains(step, SlaSchedule.DueSteps(r, WithFinal, null, At(hours)));
    }

    [Fact]
    public void A_step_turned_off_never_falls_due()
    {
        var r = Pending();
        Assert.Null(SlaSchedule.DueAt(r, r.Policy, null, SlaStep.EscalateFinal));
        Assert.DoesNotContain(SlaStep.EscalateFinal, SlaSchedule.DueSteps(r, r.Policy, null, At(1000)));
        var off = new SlaPolicy();
        Assert.Empty(SlaSchedule.DueSteps(r, off, null, At(1000)));
        Assert.Null(SlaSchedule.NextDueAt(r, off, null));
    }

    [Fact]
    public void A_late_tick_returns_every_due_step_in_the_order_they_fell_due()
    {
        var r = Pending(WithFinal);
        Assert.Equal([SlaStep.Remind, SlaStep.Escalate], SlaSchedule.DueSteps(r, WithFinal, null, At(13)));
        Assert.Equal([SlaStep.Remind, SlaStep.Escalate, SlaStep.EscalateFinal, SlaStep.Expire], SlaSchedule.DueSteps(r, WithFinal, null, At(48)));
    }

    [Fact]
    public void Nothing_follows_expiry_even_a_step_that_would_fall_due_later()
    {
        var policy = SlaPolicy.MintDefault with { RemindAfter = TimeSpan.FromHours(30) };
        var r = Pending(policy);
        Assert.Equal([SlaStep.Escalate, SlaStep.Expire], SlaSchedule.DueSteps(r, policy, null, At(40)));
        SlaSteps.ApplyDue(r, null, At(40));
        Assert.Equal(ApprovalStatus.Expired, r.Status);
        Assert.Null(r.RemindedAt);
        Assert.Null(r.NextDueAt);
        Assert.Empty(SlaSchedule.DueSteps(r, policy, null, At(100)));
    }

    [Fact]
    public void Reminder_counts_from_the_last_activity_but_escalation_and_expiry_from_creation()
    {
        var r = Pending();
        ApprovalRules.Apply(r, ApprovalCommand.Comment("looking into it"), Operator, At(3));
        Assert.Equal(At(7), SlaSchedule.DueAt(r, r.Policy, null, SlaStep.Remind));
        Assert.Empty(SlaSchedule.DueSteps(r, r.Policy, null, At(6.5)));
        Assert.Equal(At(7), r.NextDueAt);

        ApprovalRules.Apply(r, ApprovalCommand.Reassign("colleague@demo.local"), Operator, At(6));
        Assert.Equal(At(10), r.NextDueAt);
        var colleague = ApprovalActor.User("colleague@demo.local", [ApprovalRoles.Operator], [Treasury]);
        ApprovalRules.Apply(r, ApprovalCommand.Comment("still on it"), colleague, At(11));
        Assert.Equal(At(12), SlaSchedule.DueAt(r, r.Policy, null, SlaStep.Escalate));
        Assert.Equal(At(24), SlaSchedule.DueAt(r, r.Policy, null, SlaStep.Expire));
        Assert.Equal([SlaStep.Escalate], SlaSchedule.DueSteps(r, r.Policy, null, At(12)));
    }

    [Fact]
    public void A_reminder_does_not_restart_inactivity_and_does_not_come_again()
    {
        var r = Pending();
        var results = SlaSteps.ApplyDue(r, null, At(4));
        Assert.Equal(SlaStep.Remind, Assert.Single(results).Step);
        Assert.Equal(Created, r.LastActivityAt);
        Assert.Equal(At(4), r.RemindedAt);
        Assert.Equal(At(12), r.NextDueAt);
        Assert.Empty(SlaSteps.ApplyDue(r, null, At(8)));
        ApprovalRules.Apply(r, ApprovalCommand.Comment("ok"), Operator, At(9));
        Assert.Empty(SlaSchedule.DueSteps(r, r.Policy, null, At(11.9)));
    }

    [Fact]
    public void Each_step_fires_once_however_often_the_timers_look()
    {
        var r = Pending(WithFinal);
        var fired = new List<SlaStep>();
        for (var h = 0.0; h <= 48; h += 0.25)
            fired.AddRange(SlaSteps.ApplyDue(r, null, At(h)).Select(s => s.Step));
        Assert.Equal([SlaStep.Remind, SlaStep.Escalate, SlaStep.EscalateFinal, SlaStep.Expire], fired);
        Assert.Equal((At(4), At(12), At(18), At(24)), (r.RemindedAt!.Value, r.EscalatedAt!.Value, r.EscalatedFinalAt!.Value, r.ExpiredAt!.Value));
    }

    [Theory]
    [InlineData(ApprovalStatus.Approved)]
    [InlineData(ApprovalStatus.Rejected)]
    [InlineData(ApprovalStatus.Cancelled)]
    [InlineData(ApprovalStatus.Expired)]
    [InlineData(ApprovalStatus.Submitted)]
    [InlineData(ApprovalStatus.Confirmed)]
    [InlineData(ApprovalStatus.TimeoutFailed)]
    [InlineData(ApprovalStatus.SubmissionFailed)]
    public void A_request_no_longer_pending_gets_no_step(ApprovalStatus status)
    {
        var r = InStatus(status);
        Assert.Empty(SlaSchedule.DueSteps(r, WithFinal, null, At(100)));
        Assert.Null(SlaSchedule.NextDueAt(r, WithFinal, null));
        Assert.Empty(SlaSteps.ApplyDue(r, null, At(100)));
    }

    [Fact]
    public void A_request_decided_before_a_step_is_due_never_gets_it()
    {
        var r = Pending();
        SlaSteps.ApplyDue(r, null, At(5));
        ApprovalRules.Apply(r, ApprovalCommand.Approve(), Operator, At(6));
        Assert.Null(r.NextDueAt);
        Assert.Empty(SlaSteps.ApplyDue(r, null, At(30)));
        Assert.Null(r.EscalatedAt);
        Assert.Null(r.ExpiredAt);
    }

    [Fact]
    public void Next_due_is_the_earliest_step_not_yet_fired()
    {
        var r = Pending(WithFinal);
        Assert.Equal(At(4), SlaSchedule.NextDueAt(r, WithFinal, null));
        r.RemindedAt = At(4);
        Assert.Equal(At(12), SlaSchedule.NextDueAt(r, WithFinal, null));
        r.EscalatedAt = At(12);
        Assert.Equal(At(18), SlaSchedule.NextDueAt(r, WithFinal, null));
        r.EscalatedFinalAt = At(18);
        Assert.Equal(At(24), SlaSchedule.NextDueAt(r, WithFinal, null));
    }

    [Fact]
    public void Wall_clock_counts_elapsed_time_across_a_dst_change()
    {
        // Europe/Berlin springs forward on 2026-03-29; 24 h later is 24 real hours, whatever the local clock shows.
        var created = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
        var r = Pending(created: created);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero), SlaSchedule.DueAt(r, r.Policy, null, SlaStep.Expire));
    }

    [Fact]
    public void A_business_hours_policy_without_a_calendar_is_a_programming_error()
    {
        var policy = SlaPolicy.MintDefault with { Clock = SlaClock.BusinessHours };
        Assert.Throws<ArgumentNullException>(() => SlaSchedule.NextDueAt(Pending(), policy, null));
    }

    [Fact]
    public void Policy_problems_name_the_setting()
    {
        var bad = SlaPolicy.MintDefault with { RemindAfter = TimeSpan.Zero, ExpireAfter = TimeSpan.FromHours(-1) };
        Assert.Equal(["Sla:Policies:Mint:RemindAfter must be a positive time span or empty",
            "Sla:Policies:Mint:ExpireAfter must be a positive time span or empty"], bad.Problems("Mint"));
        Assert.Empty(SlaPolicy.MintDefault.Problems("Mint"));
    }
}
