using System.Threading.RateLimiting;

namespace OpsConsole.Platform.RateLimits;

/// <summary>
/// One group of requests a feature limits: which requests it counts, how it splits them into partitions (per client
/// address, per account, per key) and the limiter each partition gets. Every registered limit applies to every
/// request; a request a limit does not count (<see cref="Counts"/>) gets <see cref="RateLimitPartition.GetNoLimiter{TKey}"/>.
/// </summary>
public interface IRequestLimit
{
    /// <summary>Whether this limit counts the request at all.</summary>
    bool Counts(HttpContext context);

    /// <summary>Reads, before the limiter runs, what <see cref="Partition"/> needs from the body; the limiter cannot wait.</summary>
    Task PrepareAsync(HttpContext context) => Task.CompletedTask;

    RateLimitPartition<string> Partition(HttpContext context);

    /// <summary>What to tell a refused caller this limit counts (null when it does not count the request).</summary>
    string? Refusal(HttpContext context, TimeSpan retryAfter);
}
