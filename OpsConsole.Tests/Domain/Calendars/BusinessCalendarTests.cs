using OpsConsole.Domain.Calendars;

namespace OpsConsole.Tests.Domain.Calendars;

[Trait("Category", "Domain")]
public class BusinessCalendarTests
{
    static readonly BusinessCalendar Berlin = BusinessCalendar.Weekdays("Europe/Berlin", [new DateOnly(2026, 12, 25)]);

    static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        LocalTimes.ToInstant(new DateTime(2026, month, day, hour, minute, 0), Berlin.TimeZone);

    [Fact]
    public void Time_inside_working_hours_counts_one_for_one()
    {
        Assert.Equal(Local(6, 3, 13, 30), Berlin.Add(Local(6, 3, 10), TimeSpan.FromHours(3.5)));
        Assert.Equal(Local(6, 3, 10), Berlin.Add(Local(6, 3, 10), TimeSpan.Zero));
    }

    [Fact]
    public void A_duration_that_fills_the_day_ends_at_closing_time_not_the_next_morning()
    {
        Assert.Equal(Local(6, 3, 17), Berlin.Add(Local(6, 3, 9), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Time_outside_working_hours_does_not_count()
    {
        Assert.Equal(Local(6, 4, 10), Berlin.Add(Local(6, 3, 17), TimeSpan.FromHours(1)));
        Assert.Equal(Local(6, 4, 10), Berlin.Add(Local(6, 3, 22), TimeSpan.FromHours(1)));
        Assert.Equal(Local(6, 3, 10), Berlin.Add(Local(6, 3, 6), TimeSpan.FromHours(1)));
        Assert.Equal(Local(6, 8, 10), Berlin.Add(Local(6, 6, 12), TimeSpan.FromHours(1)));   // Saturday → Monday
    }

    [Fact]
    public void Holidays_do_not_count()
    {
        // Thursday 24 December 16:00 + 2 h: Friday 25th is a holiday, so Monday 28th 10:00.
        Assert.Equal(Local(12, 28, 10), Berlin.Add(Local(12, 24, 16), TimeSpan.FromHours(2)));
        Assert.False(Berlin.IsWorkingDay(new DateOnly(2026, 12, 25)));
        Assert.True(Berlin.IsWorkingDay(new DateOnly(2026, 12, 24)));
    }

    [Fact]
    public void Business_days_are_working_day_lengths_and_keep_the_local_time_across_dst()
    {
        Assert.Equal(TimeSpan.FromHours(24), Berlin.Days(3));
        // Thursday 22 October 11:00 CEST + 3 business days = Tuesday 27th 11:00 CET: one hour more in UTC terms.
        var start = Local(10, 22, 11);
        var end = Berlin.Add(start, Berlin.Days(3));
        Assert.Equal(Local(10, 27, 11), end);
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 10, 0, 0, TimeSpan.Zero), end.ToUniversalTime());
    }

    [Fact]
    public void Working_hours_may_be_any_days_and_times()
    {
        var weekend = new BusinessCalendar("UTC", [DayOfWeek.Saturday], new TimeOnly(10, 0), new TimeOnly(12, 0));
        var friday = new DateTimeOffset(2026, 6, 5, 11, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 6, 13, 11, 0, 0, TimeSpan.Zero), weekend.Add(friday, TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Unusable_calendars_and_durations_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("UTC", [], new TimeOnly(9, 0), new TimeOnly(17, 0)));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("UTC", [DayOfWeek.Monday], new TimeOnly(17, 0), new TimeOnly(9, 0)));
        Assert.Throws<TimeZoneNotFoundException>(() => BusinessCalendar.Weekdays("Mars/Olympus"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Berlin.Add(Local(6, 3, 10), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void Local_times_skipped_or_repeated_by_dst_map_to_one_instant()
    {
        var zone = Berlin.TimeZone;
        // 02:30 does not exist on 29 March: it is read as 03:30 CEST.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero),
            LocalTimes.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0), zone).ToUniversalTime());
        // 02:30 happens twice on 25 October: the first time, still CEST.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
            LocalTimes.ToInstant(new DateTime(2026, 10, 25, 2, 30, 0), zone).ToUniversalTime());
    }
}
