using OpsConsole.Domain.Calendars;

namespace OpsConsole.Tests.Domain.Calendars;

[Trait("Category", "Domain")]
public class QuietHoursTests
{
    static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0), "Europe/Berlin");

    // June: Berlin is UTC+2.
    static DateTimeOffset Berlin(int day, int hour, int minute = 0) => new(2026, 6, day, hour, minute, 0, TimeSpan.FromHours(2));

    [Theory]
    [InlineData(22, 0, true)]
    [InlineData(23, 30, true)]
    [InlineData(0, 0, true)]
    [InlineData(6, 59, true)]
    [InlineData(7, 0, false)]
    [InlineData(12, 0, false)]
    [InlineData(21, 59, false)]
    public void A_window_across_midnight_is_quiet_on_both_sides_of_it(int hour, int minute, bool quiet)
    {
        Assert.Equal(quiet, Night.IsQuiet(Berlin(10, hour, minute)));
    }

    [Fact]
    public void Quiet_hours_are_read_in_the_users_own_zone()
    {
        // 21:30 UTC is 23:30 in Berlin (quiet) but 17:30 in New York.
        var now = new DateTimeOffset(2026, 6, 10, 21, 30, 0, TimeSpan.Zero);
        Assert.True(Night.IsQuiet(now));
        Assert.False((Night with { TimeZoneId = "America/New_York" }).IsQuiet(now));
    }

    [Fact]
    public void A_window_within_one_day_is_quiet_only_inside_it()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0), "Europe/Berlin");
        Assert.True(lunch.IsQuiet(Berlin(10, 12, 30)));
        Assert.False(lunch.IsQuiet(Berlin(10, 13, 0)));
        Assert.False(lunch.IsQuiet(Berlin(10, 23, 0)));
    }

    [Fact]
    public void Equal_start_and_end_means_never_quiet()
    {
        var none = new QuietHours(new TimeOnly(8, 0), new TimeOnly(8, 0), "UTC");
        Assert.False(none.IsQuiet(Berlin(10, 10)));
        Assert.Equal(Berlin(10, 10), none.QuietUntil(Berlin(10, 10)));
    }

    [Fact]
    public void Quiet_until_is_the_end_of_the_current_window()
    {
        Assert.Equal(Berlin(11, 7), Night.QuietUntil(Berlin(10, 23, 30)));
        Assert.Equal(Berlin(11, 7), Night.QuietUntil(Berlin(11, 1)));
        Assert.Equal(Berlin(10, 12), Night.QuietUntil(Berlin(10, 12)));
    }

    [Fact]
    public void Quiet_until_lands_on_the_local_end_time_across_a_dst_change()
    {
        // The night of 28–29 March 2026: 23:00 CET, the window ends at 07:00 CEST = 05:00 UTC.
        var evening = new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 5, 0, 0, TimeSpan.Zero), Night.QuietUntil(evening).ToUniversalTime());
    }
}
