using System.Threading.RateLimiting;
using OpsConsole.Platform.RateLimits;

namespace OpsConsole.Tests.Platform.RateLimits;

[Trait("Category", "Domain")]
public class PacedLimiterTests
{
    // Four a minute: two at once, then one every 15 s; the waits below are far shorter than that, so nothing refills.
    const int Permits = 4;

    [Fact]
    public async Task Half_the_allowance_passes_at_once_the_rest_waits_its_turn_and_more_are_refused_with_a_retry_time()
    {
        using var limiter = PacedLimiter.PerMinute(Permits);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        var waiting = Enumerable.Range(0, Permits).Select(_ => limiter.AcquireAsync().AsTask()).ToList();
        var refused = await limiter.AcquireAsync();

        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero);
    }
}
