using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Calendars;
using static OpsConsole.Tests.Domain.Approvals.Requests;

namespace OpsConsole.Tests.Domain.Approvals;

/// <summary>The inbox's SLA bar under the mint default (remind 4 h, escalate 12 h, expire 24 h) unless a test says otherwise.</summary>
[Trait("Category", "Domain")]
public class SlaProgressTests
{
    static DateTimeOffset At(double hours) => Created.AddHours(hours);

    static SlaProgress Progress(ApprovalRequest r, double hours, BusinessCalendar? calendar = null) =>
        SlaProgress.Of(r, calendar, At(hours)) ?? throw new Xunit.Sdk.XunitException("Expected a pending step.");

    [Fact]
    public void A_new_request_runs_towards_its_reminder_with_the_whole_interval_left()
    {
        var p = Progress(Pending(), 0);

        Assert.Equal(SlaStep.Remind, p.Step);
        Assert.Equal((Created, At(4)), (p.StartedAt, p.DueAt));
        Assert.Equal(0, p.Elapsed);
        Assert.Equal(SlaUrgency.OnTrack, p.Urgency);
        Assert.Equal("Reminder in 4 h", p.Label);
    }

    [Theory]
    [InlineData(1.0, 0.25, SlaUrgency.OnTrack, "Reminder in 3 h")]
    [InlineData(2.0, 0.5, SlaUrgency.DueSoon, "Reminder in 2 h")]
    [InlineData(2.5, 0.625, SlaUrgency.DueSoon, "Reminder in 1 h 30 m")]
    [InlineData(3.2, 0.8, SlaUrgency.DueSoon, "Reminder in 48 m")]
    [InlineData(3.5, 0.875, SlaUrgency.Urgent, "Reminder in 30 m")]
    public void The_bar_fills_and_turns_from_green_to_amber_to_red_as_the_time_left_shrinks(
        double hours, double elapsed, SlaUrgency urgency, string label)
    {
        var p = Progress(Pending(), hours);

        Assert.Equal(elapsed, p.Elapsed, 6);
        Assert.Equal(urgency, p.Urgency);
        Assert.Equal(label, p.Label);
    }

    [Fact]
    public void An_overdue_step_is_urgent_and_says_by_how_much()
    {
        var p = SlaProgress.Of(Pending(), null, Created.AddMinutes(4 * 60 + 3))!;

        Assert.True(p.IsOverdue);
        Assert.Equal(1, p.Elapsed);
        Assert.Equal(SlaUrgency.Urgent, p.Urgency);
        Assert.Equal("Reminder overdue by 3 m", p.Label);
    }

    [Fact]
    public void After_the_reminder_the_bar_runs_from_it_to_the_escalation()
    {
        var r = Pending();
        SlaSteps.ApplyDue(r, null, At(4));

        var p = Progress(r, 5);

        Assert.Equal(SlaStep.Escalate, p.Step);
        Assert.Equal((At(4), At(12)), (p.StartedAt, p.DueAt));
        Assert.Equal(0.125, p.Elapsed, 6);
        Assert.Equal("Escalates in 7 h", p.Label);
    }

    [Fact]
    public void After_the_escalation_the_bar_runs_to_the_expiry()
    {
        var r = Pending();
        SlaSteps.ApplyDue(r, null, At(12));

        var p = Progress(r, 18);

        Assert.Equal(SlaStep.Expire, p.Step);
        Assert.Equal((At(12), At(24)), (p.StartedAt, p.DueAt));
        Assert.Equal(SlaUrgency.DueSoon, p.Urgency);
        Assert.Equal("Expires in 6 h", p.Label);
    }

    [Fact]
    public void A_comment_restarts_the_reminder_interval_from_the_activity()
    {
        var r = Pending();
        Assert.True(ApprovalRules.Apply(r, ApprovalCommand.Comment("checking the invoice"), Operator, At(3)).IsApplied);

        var p = Progress(r, 4);

        Assert.Equal((At(3), At(7)), (p.StartedAt, p.DueAt));
        Assert.Equal("Reminder in 3 h", p.Label);
    }

    [Fact]
    public void A_final_escalation_step_is_named_for_top_management()
    {
        var r = Pending(SlaPolicy.MintDefault with { EscalateFinalAfter = TimeSpan.FromHours(18) });
        SlaSteps.ApplyDue(r, null, At(12));

        Assert.Equal("Escalates to top management in 5 h", Progress(r, 13).Label);
        Assert.Equal("Final escalation overdue by 1 h", Progress(r, 19).Label);
    }

    [Fact]
    public void Long_intervals_read_in_days_and_hours()
    {
        var r = Pending(new SlaPolicy { ExpireAfter = TimeSpan.FromDays(3) });

        Assert.Equal("Expires in 3 d", Progress(r, 0).Label);
        Assert.Equal("Expires in 1 d 21 h", Progress(r, 26.5).Label);
    }

    [Fact]
    public void Decided_and_expired_requests_and_policies_without_steps_have_no_bar()
    {
        var approved = Pending();
        Assert.True(ApprovalRules.Apply(approved, ApprovalCommand.Approve(), Manager, At(1)).IsApplied);
        var expired = Pending();
        SlaSteps.ApplyDue(expired, null, At(24));

        Assert.Null(SlaProgress.Of(approved, null, At(2)));
        Assert.Null(SlaProgress.Of(expired, null, At(25)));
        Assert.Null(SlaProgress.Of(Pending(new SlaPolicy()), null, At(1)));
    }

    /// <summary>Europe/Berlin, Monday to Friday 09:00–17:00; Monday 8 June is a holiday in the second calendar.</summary>
    public class BusinessHours
    {
        static readonly SlaPolicy Policy = SlaPolicy.MintDefault with { Clock = SlaClock.BusinessHours };
        static readonly BusinessCalendar Berlin = BusinessCalendar.Weekdays("Europe/Berlin");
        static readonly BusinessCalendar BerlinWithHoliday = BusinessCalendar.Weekdays("Europe/Berlin", [new DateOnly(2026, 6, 8)]);

        static DateTimeOffset Local(int day, int hour) => LocalTimes.ToInstant(new DateTime(2026, 6, day, hour, 0, 0), Berlin.TimeZone);

        // Friday 5 June 15:00: two working hours that day, so the reminder falls due on Monday at 11:00.
        static ApprovalRequest FridayAfternoon(BusinessCalendar calendar) => Pending(Policy, Local(5, 15), calendar);

        [Fact]
        public void Counts_working_time_and_says_so()
        {
            var r = FridayAfternoon(Berlin);

            var p = SlaProgress.Of(r, Berlin, Local(5, 16))!;

            Assert.Equal(Local(8, 11), p.DueAt);
            Assert.Equal(0.25, p.Elapsed, 6);
            Assert.Equal("Reminder in 3 h (business hours)", p.Label);
        }

        [Fact]
        public void The_bar_stands_still_over_the_weekend_and_moves_again_on_monday()
        {
            var r = FridayAfternoon(Berlin);

            var fridayClose = SlaProgress.Of(r, Berlin, Local(5, 17))!;
            var saturday = SlaProgress.Of(r, Berlin, Local(6, 12))!;
            var mondayOpen = SlaProgress.Of(r, Berlin, Local(8, 9))!;
            var monday = SlaProgress.Of(r, Berlin, Local(8, 10))!;

            Assert.Equal([0.5, 0.5, 0.5], [fridayClose.Elapsed, saturday.Elapsed, mondayOpen.Elapsed]);
            Assert.Equal("Reminder in 2 h (business hours)", saturday.Label);
            Assert.Equal(0.75, monday.Elapsed, 6);
            Assert.Equal(SlaUrgency.DueSoon, monday.Urgency);
        }

        [Fact]
        public void A_holiday_holds_the_bar_like_a_weekend()
        {
            var r = FridayAfternoon(BerlinWithHoliday);

            var holiday = SlaProgress.Of(r, BerlinWithHoliday, Local(8, 12))!;

            Assert.Equal(Local(9, 11), holiday.DueAt);
            Assert.Equal(0.5, holiday.Elapsed, 6);
            Assert.Equal("Reminder in 2 h (business hours)", holiday.Label);
        }

        [Fact]
        public void Working_time_beyond_a_day_is_told_in_hours()
        {
            var r = Pending(new SlaPolicy { ExpireAfter = Berlin.Days(3), Clock = SlaClock.BusinessHours }, Local(1, 9), Berlin);

            Assert.Equal("Expires in 24 h (business hours)", SlaProgress.Of(r, Berlin, Local(1, 9))!.Label);
            Assert.Equal("Expires in 15 h (business hours)", SlaProgress.Of(r, Berlin, Local(2, 10))!.Label);
        }

        [Fact]
        public void Overdue_is_measured_in_real_time()
        {
            var r = FridayAfternoon(Berlin);

            var p = SlaProgress.Of(r, Berlin, Local(8, 13))!;

            Assert.True(p.IsOverdue);
            Assert.Equal("Reminder overdue by 2 h", p.Label);
        }
    }
}
