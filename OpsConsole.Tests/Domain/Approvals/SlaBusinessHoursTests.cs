using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Calendars;
using static OpsConsole.Tests.Domain.Approvals.Requests;

namespace OpsConsole.Tests.Domain.Approvals;

/// <summary>Step times on business hours: Europe/Berlin, Monday to Friday 09:00–17:00 (8-hour days).</summary>
[Trait("Category", "Domain")]
public class SlaBusinessHoursTests
{
    static readonly SlaPolicy Business = SlaPolicy.MintDefault with
    {
        Clock = SlaClock.BusinessHours,
        EscalateFinalAfter = TimeSpan.FromHours(16),
    };

    static readonly BusinessCalendar Berlin = BusinessCalendar.Weekdays("Europe/Berlin",
        [new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6)]);

    static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    static void AssertSteps(DateTimeOffset created, DateTimeOffset remind, DateTimeOffset escalate, DateTimeOffset final, DateTimeOffset expire)
    {
        var r = Pending(Business, created, Berlin);
        Assert.Equal(remind, SlaSchedule.DueAt(r, Business, Berlin, SlaStep.Remind));
        Assert.Equal(escalate, SlaSchedule.DueAt(r, Business, Berlin, SlaStep.Escalate));
        Assert.Equal(final, SlaSchedule.DueAt(r, Business, Berlin, SlaStep.EscalateFinal));
        Assert.Equal(expire, SlaSchedule.DueAt(r, Business, Berlin, SlaStep.Expire));
        Assert.Equal(remind, SlaSchedule.NextDueAt(r, Business, Berlin));
        Assert.Empty(SlaSchedule.DueSteps(r, Business, Berlin, remind.AddTicks(-1)));
        Assert.Equal([SlaStep.Remind, SlaStep.Escalate, SlaStep.EscalateFinal, SlaStep.Expire], SlaSchedule.DueSteps(r, Business, Berlin, expire));
    }

    [Fact]
    public void Steps_across_the_spring_dst_change()
    {
        // Friday 2026-03-27 15:00 CET; the clocks go forward on Sunday 29th; business days resume Monday at 09:00 CEST.
        AssertSteps(Utc(3, 27, 14),
            remind: Utc(3, 30, 9),      // Fri 2 h + Mon 09–11 CEST
            escalate: Utc(3, 31, 9),    // Fri 2 + Mon 8 + Tue 09–11
            final: Utc(3, 31, 13),      // Fri 2 + Mon 8 + Tue 09–15
            expire: Utc(4, 1, 13));     // Fri 2 + Mon 8 + Tue 8 + Wed 09–15
    }

    [Fact]
    public void Steps_across_the_autumn_dst_change()
    {
        // Friday 2026-10-23 16:00 CEST; the clocks go back on Sunday 25th.
        AssertSteps(Utc(10, 23, 14),
            remind: Utc(10, 26, 11),    // Fri 1 h + Mon 09–12 CET
            escalate: Utc(10, 27, 11),  // Fri 1 + Mon 8 + Tue 09–12
            final: Utc(10, 27, 15),     // Fri 1 + Mon 8 + Tue 09–16
            expire: Utc(10, 28, 15));   // Fri 1 + Mon 8 + Tue 8 + Wed 09–16
    }

    [Fact]
    public void Steps_skip_the_easter_holidays()
    {
        // Thursday 2026-04-02 10:00 CEST; Good Friday (3rd) and Easter Monday (6th) are holidays.
        AssertSteps(Utc(4, 2, 8),
            remind: Utc(4, 2, 12),      // Thu 10–14
            escalate: Utc(4, 7, 12),    // Thu 7 + Tue 09–14
            final: Utc(4, 8, 8),        // Thu 7 + Tue 8 + Wed 09–10
            expire: Utc(4, 9, 8));      // Thu 7 + Tue 8 + Wed 8 + Thu 09–10
    }

    [Fact]
    public void A_request_raised_at_the_weekend_starts_counting_on_monday_morning()
    {
        var r = Pending(Business, Utc(3, 28, 20), Berlin);
        Assert.Equal(Utc(3, 30, 11), SlaSchedule.DueAt(r, Business, Berlin, SlaStep.Remind));
    }

    [Fact]
    public void Three_business_days_are_three_working_day_lengths()
    {
        var policy = new SlaPolicy { ExpireAfter = Berlin.Days(3), Clock = SlaClock.BusinessHours };
        // Wednesday 2026-03-25 10:00 CET + 3 business days = Monday 30th 10:00 CEST, across the weekend and the DST change.
        var r = Pending(policy, Utc(3, 25, 9), Berlin);
        Assert.Equal(Utc(3, 30, 8), SlaSchedule.DueAt(r, policy, Berlin, SlaStep.Expire));
    }
}
