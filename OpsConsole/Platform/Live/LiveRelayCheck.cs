using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OpsConsole.Platform.Live;

/// <summary>Degraded, not unhealthy, while the relay reconnects: the instance still serves, only without live pushes.</summary>
sealed class LiveRelayCheck(LiveRelay relay) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(relay.IsListening
            ? HealthCheckResult.Healthy("live relay listening")
            : HealthCheckResult.Degraded("live relay not listening; reconnecting"));
}
