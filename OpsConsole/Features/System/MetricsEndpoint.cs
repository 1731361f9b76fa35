using Microsoft.AspNetCore.Identity;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.MetricsScrape;
using Prometheus;

namespace OpsConsole.Features.SystemStatus;

/// <summary>/metrics (Prometheus text) and who may read it: an Admin or Viewer, a key holding Metrics:Read, or the scrape token.</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>The scope a machine-client key needs to read /metrics; operators write it in settings, so it never changes.</summary>
    public const string ReadScope = "Metrics:Read";

    public const string Readers = "ops:read-metrics";

    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services)
    {
        services.AddMachineScope(ReadScope);
        // Cookie first: its challenge only sets the status; a refused bearer token answers next, else the machine challenge does.
        services.AddAuthorizationBuilder().AddPolicy(Readers, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, MetricsScrapeHandler.SchemeName, MachineHmacHandler.SchemeName)
            .RequireScopeOrRole(ReadScope, [Roles.Admin, Roles.Viewer], [MetricsScrapeHandler.SchemeName]));
        return services;
    }

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMetrics(Path).RequireAuthorization(Readers);
        return app;
    }
}
