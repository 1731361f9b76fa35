using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace OpsConsole.Platform.Http;

/// <summary>
/// The resilience of every call to an outside network (Stellar, Bitcoin's Esplora): a total timeout, a timeout per try,
/// and two retries of transient failures (connection errors, 408, 429, 5xx). Callers retry only what is safe to repeat: a
/// read, or a send of the same stored envelope, which lands at most once. Backoff and timeouts run on the real clock,
/// whatever clock the rules use.
/// </summary>
public static class NetworkResilience
{
    public static IHttpClientBuilder WithNetworkResilience(this IHttpClientBuilder client, string name)
    {
        client.AddResilienceHandler(name, pipeline =>
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
