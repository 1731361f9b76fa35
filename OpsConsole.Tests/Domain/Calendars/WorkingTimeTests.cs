using OpsConsole.Domain.Calendars;

namespace OpsConsole.Tests.Domain.Calendars;

[Trait("Category", "Domain")]
public class WorkingTimeTests
{
    static readonly BusinessCalendar Berlin = BusinessCalendar.Weekdays("Europe/Berlin", [new DateOnly(2026, 12, 25)]);

    static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        LocalTimes.ToInstant(new DateTime(2026, month, day, hour, minute, 0), Berlin.TimeZone);

    [Fact]
    public void Counts_only_the_working_hours_between_two_instants()
    {
        Assert.Equal(TimeSpan.FromHours(3.5), Berlin.Between(Local(6, 3, 10), Local(6, 3, 13, 30)));
        Assert.Equal(TimeSpan.FromHours(2), Berlin.Between(Local(6, 3, 16), Local(6, 4, 10)));   // Wednesday evening to Thursday
        Assert.Equal(TimeSpan.FromHours(8), Berlin.Between(Local(6, 3, 6), Local(6, 3, 22)));
    }

    [Fact]
    public void Weekends_and_holidays_add_nothing()
    {
        Assert.Equal(TimeSpan.Zero, Berlin.Between(Local(6, 6, 9), Local(6, 7, 18)));             // Saturday and Sunday
        Assert.Equal(TimeSpan.FromHours(2), Berlin.Between(Local(6, 5, 16), Local(6, 8, 10)));   // Friday → Monday
        Assert.Equal(TimeSpan.FromHours(2), Berlin.Between(Local(12, 24, 16), Local(12, 28, 10))); // over Christmas Day
    }

    [Fact]
    public void An_end_before_the_start_is_no_time()
    {
        Assert.Equal(TimeSpan.Zero, Berlin.Between(Local(6, 3, 13), Local(6, 3, 10)));
    }

    [Theory]
    [InlineData(10, 22, 11, 24.0)]    // across the October DST change
    [InlineData(3, 27, 15, 10.0)]     // across the March DST change
    [InlineData(12, 24, 16, 5.5)]     // across a holiday and a weekend
    [InlineData(6, 6, 12, 0.25)]      // from a Saturday
    public void Is_the_inverse_of_adding_working_time(int month, int day, int hour, double hours)
    {
        var start = Local(month, day, hour);
        var duration = TimeSpan.FromHours(hours);

        Assert.Equal(duration, Berlin.Between(start, Berlin.Add(start, duration)));
    }
}
