using System.Threading.RateLimiting;

namespace OpsConsole.Platform.RateLimits;

/// <summary>
/// An allowance of requests a minute that slows down before it says no: half of it passes at once, each further
/// request waits for its turn (one per minute/allowance, queued in order), and past the allowance within the minute
/// the answer is a refusal with Retry-After. Built from the framework's limiters; no counting of its own.
/// </summary>
public static class PacedLimiter
{
    public static RateLimiter PerMinute(int permits) => RateLimiter.CreateChained(
        // The pace first: the rate limiting middleware tries each request without waiting before it waits, and a
        // fixed window spends a permit on every try, so the window must only see requests whose turn has come.
        new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, permits / 2),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / permits,
            QueueLimit = permits,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }),
        new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
}
