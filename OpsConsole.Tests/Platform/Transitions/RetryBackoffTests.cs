using OpsConsole.Platform.Transitions;

namespace OpsConsole.Tests.Platform.Transitions;

[Trait("Category", "Domain")]
public class RetryBackoffTests
{
    static readonly TimeSpan Base = TimeSpan.FromMilliseconds(50);

    [Theory]
    [InlineData(1, 25, 75)]
    [InlineData(2, 50, 150)]
    [InlineData(3, 100, 300)]
    public void Delay_doubles_per_failed_attempt_within_the_jitter_band(int failedAttempts, int minMs, int maxMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(minMs), RetryBackoff.Delay(Base, failedAttempts, 0));
        Assert.True(RetryBackoff.Delay(Base, failedAttempts, 0.999) < TimeSpan.FromMilliseconds(maxMs));
        Assert.Equal(Base * Math.Pow(2, failedAttempts - 1), RetryBackoff.Delay(Base, failedAttempts, 0.5));
    }

    [Fact]
    public void Different_jitter_spreads_writers_apart()
    {
        Assert.NotEqual(RetryBackoff.Delay(Base, 2, 0.1), RetryBackoff.Delay(Base, 2, 0.7));
    }

    [Fact]
    public void A_zero_base_delay_retries_at_once()
    {
        Assert.Equal(TimeSpan.Zero, RetryBackoff.Delay(TimeSpan.Zero, 3, 0.9));
    }
}
