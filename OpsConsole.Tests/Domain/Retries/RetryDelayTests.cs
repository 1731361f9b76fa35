using OpsConsole.Domain.Retries;

namespace OpsConsole.Tests.Domain.Retries;

[Trait("Category", "Domain")]
public class RetryDelayTests
{
    static readonly TimeSpan Base = TimeSpan.FromMilliseconds(50);

    [Theory]
    [InlineData(1, 25, 75)]
    [InlineData(2, 50, 150)]
    [InlineData(3, 100, 300)]
    public void Delay_doubles_per_failed_attempt_within_the_jitter_band(int failedAttempts, int minMs, int maxMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(minMs), RetryDelay.Jittered(Base, failedAttempts, 0));
        Assert.True(RetryDelay.Jittered(Base, failedAttempts, 0.999) < TimeSpan.FromMilliseconds(maxMs));
        Assert.Equal(Base * Math.Pow(2, failedAttempts - 1), RetryDelay.Jittered(Base, failedAttempts, 0.5));
    }

    [Fact]
    public void Different_jitter_spreads_writers_apart()
    {
        Assert.NotEqual(RetryDelay.Jittered(Base, 2, 0.1), RetryDelay.Jittered(Base, 2, 0.7));
    }

    [Fact]
    public void A_zero_base_delay_retries_at_once()
    {
        Assert.Equal(TimeSpan.Zero, RetryDelay.Jittered(TimeSpan.Zero, 3, 0.9));
    }

    [Fact]
    public void A_cap_bounds_the_wait_however_many_failures()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), RetryDelay.Exponential(TimeSpan.FromSeconds(30), 12, cap: TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.FromMinutes(4), RetryDelay.Exponential(TimeSpan.FromSeconds(30), 4, cap: TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Thousands_of_failures_stay_inside_a_time_span()
    {
        Assert.Equal(Base * Math.Pow(2, 20), RetryDelay.Exponential(Base, 5_000));
    }

    [Fact]
    public void Fewer_than_one_failure_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryDelay.Exponential(Base, 0));
    }
}
