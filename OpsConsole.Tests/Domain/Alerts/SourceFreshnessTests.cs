using OpsConsole.Domain.Alerts;

namespace OpsConsole.Tests.Domain.Alerts;

/// <summary>A source is fresh within its window, silent after it, and never heard when nothing came; the evaluator is
/// silent after three of its intervals, never sooner than 30 s.</summary>
[Trait("Category", "Domain")]
public class SourceFreshnessTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(299, Freshness.Fresh)]
    [InlineData(300, Freshness.Fresh)]
    [InlineData(301, Freshness.Silent)]
    public void A_source_is_silent_once_its_window_has_passed_without_a_word(int secondsAgo, Freshness expected)
    {
        Assert.Equal(expected, SourceFreshness.Judge(Now.AddSeconds(-secondsAgo), TimeSpan.FromMinutes(5), Now));
    }

    [Fact]
    public void A_source_never_heard_is_said_to_be_so_and_one_without_a_window_is_never_silent()
    {
        Assert.Equal(Freshness.NeverHeard, SourceFreshness.Judge(null, TimeSpan.FromMinutes(5), Now));
        Assert.Equal(Freshness.NeverHeard, SourceFreshness.Judge(null, null, Now));
        Assert.Equal(Freshness.Fresh, SourceFreshness.Judge(Now.AddDays(-3), null, Now));
    }

    [Theory]
    [InlineData(10, 30)]
    [InlineData(2, 30)]
    [InlineData(60, 180)]
    public void The_evaluator_is_silent_after_three_intervals_and_never_before_30_seconds(int intervalSeconds, int silentAfterSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(silentAfterSeconds), SourceFreshness.EvaluatorSilentAfter(TimeSpan.FromSeconds(intervalSeconds)));
    }
}
