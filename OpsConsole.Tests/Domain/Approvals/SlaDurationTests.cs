using OpsConsole.Domain.Approvals;

namespace OpsConsole.Tests.Domain.Approvals;

[Trait("Category", "Domain")]
public class SlaDurationTests
{
    static readonly TimeSpan Day = TimeSpan.FromDays(1);

    static TimeSpan? Parsed(string text, TimeSpan? dayLength = null)
    {
        Assert.True(SlaDuration.TryParse(text, dayLength ?? Day, out var value, out var error), error);
        return value;
    }

    static string Refusal(string text)
    {
        Assert.False(SlaDuration.TryParse(text, Day, out var value, out var error));
        Assert.Null(value);
        return error!;
    }

    [Theory]
    [InlineData("4:00:00", 4 * 60)]
    [InlineData("04:00:00", 4 * 60)]
    [InlineData("3.00:00:00", 3 * 24 * 60)]
    [InlineData("1:30", 90)]
    [InlineData("3d", 3 * 24 * 60)]
    [InlineData("4h", 4 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1d 4h", 28 * 60)]
    [InlineData("2H30M", 150)]
    [InlineData("  12h  ", 12 * 60)]
    public void Time_spans_and_units_read_as_the_same_durations(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Parsed(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_turns_the_step_off(string? text)
    {
        Assert.True(SlaDuration.TryParse(text, Day, out var value, out var error));
        Assert.Null(value);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("4x")]
    [InlineData("four hours")]
    [InlineData("3")]
    [InlineData("h")]
    [InlineData("4h 1d")]
    [InlineData("-4h")]
    public void Anything_else_is_refused_with_the_forms_that_work(string text)
    {
        var error = Refusal(text);
        Assert.Contains($"'{text.Trim()}' is not a duration", error);
        Assert.Contains(SlaDuration.Examples, error);
    }

    [Theory]
    [InlineData("0h")]
    [InlineData("00:00:00")]
    [InlineData("-1:00:00")]
    public void Zero_or_negative_is_refused_pointing_at_empty_for_off(string text)
    {
        Assert.Equal("Must be longer than zero; leave it empty to turn the step off.", Refusal(text));
    }

    [Fact]
    public void More_than_a_year_is_refused()
    {
        Assert.Equal("Must be at most 366 days.", Refusal("367d"));
        Assert.Equal("Must be at most 366 days.", Refusal("999999999d"));
        Assert.Equal(TimeSpan.FromDays(366), Parsed("366d"));
    }

    [Fact]
    public void Under_business_hours_a_day_is_one_working_day_but_a_time_span_stays_literal()
    {
        var workingDay = TimeSpan.FromHours(8);
        Assert.Equal(TimeSpan.FromHours(24), Parsed("3d", workingDay));
        Assert.Equal(TimeSpan.FromHours(72), Parsed("3.00:00:00", workingDay));
        Assert.Equal("3d", SlaDuration.Format(TimeSpan.FromHours(24), workingDay));
        Assert.Equal("1d 4h", SlaDuration.Format(TimeSpan.FromHours(12), workingDay));
    }

    [Theory]
    [InlineData(4 * 60, "4h")]
    [InlineData(90, "1h 30m")]
    [InlineData(3 * 24 * 60, "3d")]
    [InlineData(28 * 60 + 5, "1d 4h 5m")]
    public void Format_writes_units_that_read_back_the_same(int minutes, string expected)
    {
        var value = TimeSpan.FromMinutes(minutes);
        Assert.Equal(expected, SlaDuration.Format(value, Day));
        Assert.Equal(value, Parsed(expected));
    }

    [Fact]
    public void Format_of_off_is_empty()
    {
        Assert.Equal("", SlaDuration.Format(null, Day));
    }
}
