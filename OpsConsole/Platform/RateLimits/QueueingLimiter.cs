using System.Threading.RateLimiting;

namespace OpsConsole.Platform.RateLimits;

/// <summary>
/// Sends every counted request down the limiter's waiting path. The rate limiting middleware first tries a request
/// without waiting and, when that fails, tries again with waiting; in a chain of limiters the first try may already
/// have spent an allowance in one link before another refused, so that request would be counted twice.
/// </summary>
sealed class QueueingLimiter(PartitionedRateLimiter<HttpContext> inner, Func<HttpContext, bool> counts) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => inner.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        counts(resource) ? NotTried.Instance : inner.AttemptAcquire(resource, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        inner.AcquireAsync(resource, permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    sealed class NotTried : RateLimitLease
    {
        public static readonly NotTried Instance = new();

        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
