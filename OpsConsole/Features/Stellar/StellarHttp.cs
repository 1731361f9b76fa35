using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OpsConsole.Features.Stellar;

/// <summary>
/// The resilience of every call to a Stellar network: a total timeout, a timeout per try, and two retries of transient
/// failures (connection errors, 408, 429, 5xx including Horizon's 504). Retrying a send is safe: it carries the same
/// stored envelope, which lands at most once. Backoff and timeouts run on the real clock, whatever clock the rules use.
/// </summary>
static class StellarHttp
{
    public static IHttpClientBuilder WithStellarResilience(this IHttpClientBuilder client)
    {
        client.AddResilienceHandler("stellar", pipeline =>
        {
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddTimeout(TimeSpan.FromSeconds(60));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(35));
        });
        return client;
    }
}
