using OpsConsole.Domain.Approvals;

namespace OpsConsole.Tests.Domain.Approvals;

[Trait("Category", "Domain")]
public class DurationTextTests
{
    [Theory]
    [InlineData(0, "< 1 m")]
    [InlineData(59, "< 1 m")]
    [InlineData(3 * 60 + 59, "3 m")]
    [InlineData(2 * 3600, "2 h")]
    [InlineData(2 * 3600 + 10 * 60 + 30, "2 h 10 m")]
    [InlineData(86400 + 5 * 60, "1 d")]
    [InlineData(86400 + 4 * 3600 + 59 * 60, "1 d 4 h")]
    [InlineData(-3 * 60, "3 m")]
    public void Shows_the_two_largest_units_rounded_down(int seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Short(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Working_time_is_told_in_hours_not_days()
    {
        Assert.Equal("30 h 15 m", DurationText.Short(TimeSpan.FromMinutes(30 * 60 + 15), withDays: false));
    }

    [Fact]
    public void Ago_says_just_now_within_the_first_minute_and_for_clock_skew()
    {
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("just now", DurationText.Ago(now.AddSeconds(-30), now));
        Assert.Equal("just now", DurationText.Ago(now.AddMinutes(2), now));
        Assert.Equal("3 h 5 m ago", DurationText.Ago(now.AddMinutes(-185), now));
    }

    [Theory]
    [InlineData(0, "0 s ago")]
    [InlineData(12, "12 s ago")]
    [InlineData(59, "59 s ago")]
    [InlineData(3 * 60 + 5, "3 m ago")]
    [InlineData(-5, "just now")]
    public void Seconds_ago_counts_seconds_under_a_minute_and_then_the_two_largest_units(int seconds, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, DurationText.SecondsAgo(now.AddSeconds(-seconds), now));
    }
}
