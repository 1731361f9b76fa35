using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.RateLimits;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// Signed requests, counted per machine-client key: RateLimits:Machine:PerKey a minute, spread as a token bucket, then
/// 429 with Retry-After. Counted after the signature is checked, so only the key's holder can spend its allowance.
/// </summary>
sealed class MachineKeyLimit(IOptions<MachineKeyLimit.Settings> options) : IRequestLimit
{
    public bool Counts(HttpContext context) => MachineCaller.From(context.User) is not null;

    public RateLimitPartition<string> Partition(HttpContext context) => MachineCaller.From(context.User) is { } caller
        ? RateLimitPartition.GetTokenBucketLimiter(caller.KeyId.ToUpperInvariant(), _ => Bucket(options.Value.PerKey))
        : RateLimitPartition.GetNoLimiter("");

    /// <summary>The allowance as a token bucket refilled at its rate; a large allowance gets several tokens a tick rather
    /// than a tick every few microseconds, since the bucket's refill timer would otherwise keep a core busy.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks / perMinute, MinTick.Ticks));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = Math.Max(1, (int)Math.Round(perMinute * (tick / TimeSpan.FromMinutes(1)))),
            ReplenishmentPeriod = tick,
            QueueLimit = 0,
        };
    }

    static readonly TimeSpan MinTick = TimeSpan.FromMilliseconds(100);

    public string? Refusal(HttpContext context, TimeSpan retryAfter) => MachineCaller.From(context.User) is { } caller
        ? $"Key '{caller.KeyId}' is over its limit of {options.Value.PerKey} requests a minute ({Settings.PerKeySetting}); "
            + $"retry after {Math.Ceiling(retryAfter.TotalSeconds):0} s"
        : null;

    public sealed class Settings : ICheckedSettings
    {
        public const string PerKeySetting = "RateLimits:Machine:PerKey";

        public int PerKey { get; private set; } = 600;
        public List<string> Problems { get; } = [];

        public void Read(IConfiguration config) => PerKey = CheckedSettings.PositiveWhole(config, PerKeySetting, PerKey, Problems);
    }
}
