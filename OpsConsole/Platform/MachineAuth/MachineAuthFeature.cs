using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.MetricsScrape;
using Prometheus;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>HMAC-signed requests from machine clients (the MachineHmac scheme and its policies) and the endpoints they guard here.</summary>
public static class MachineAuthFeature
{
    public static IServiceCollection AddMachineAuth(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MachineClientOptions>().Configure(o => o.Load(config)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MachineClientOptions>, MachineClientOptionsValidator>();
        services.AddSingleton<MachineReplayGuard>();
        services.AddSingleton<MachineRequestVerifier>();
        // Added beside the cookie scheme; the default scheme stays cookie sign-in.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, MachineHmacHandler>(MachineHmacHandler.SchemeName, null);
        services.AddMetricsScrape(config);
        services.AddAuthorizationBuilder().AddMachinePolicies();
        services.AddMachineSignaturePurge(config);
        return services;
    }

    public static IEndpointRouteBuilder MapMachineAuth(this IEndpointRouteBuilder app)
    {
        // Lets a client integrator check their signing against the server before calling real endpoints.
        app.MapGet("/api/machine/whoami", WhoAmI).RequireAuthorization(MachinePolicies.AnyKey);
        app.MapMetrics("/metrics").RequireAuthorization(MachinePolicies.MetricsReaders);
        return app;
    }

    static Results<Ok<MachineCaller>, UnauthorizedHttpResult> WhoAmI(ClaimsPrincipal user) =>
        MachineCaller.From(user) is { } caller ? TypedResults.Ok(caller) : TypedResults.Unauthorized();
}
