using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.MetricsScrape;
using OpsConsole.Platform.RateLimits;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// HMAC-signed requests from machine clients (the MachineHmac scheme and its policies), the registry of scopes that
/// features fill with <see cref="AddMachineScope"/>, and the endpoint that lets a client check its signing.
/// </summary>
public static class MachineAuthFeature
{
    public static IServiceCollection AddMachineAuth(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton<MachineScopeRegistry>();
        services.AddOptions<MachineClientOptions>().Configure<MachineScopeRegistry>((o, scopes) => o.Load(config, scopes.All)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MachineClientOptions>, MachineClientOptionsValidator>();
        services.AddSingleton<MachineReplayGuard>();
        services.AddSingleton<MachineRequestVerifier>();
        // Added beside the cookie scheme; the default scheme stays cookie sign-in.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, MachineHmacHandler>(MachineHmacHandler.SchemeName, null);
        services.AddMetricsScrape(config);
        services.AddAuthorizationBuilder().AddMachinePolicies();
        services.AddMachineSignaturePurge(config);
        services.AddCheckedSettings<MachineKeyLimit.Settings>(config);
        services.AddSingleton<IRequestLimit, MachineKeyLimit>();
        return services;
    }

    public static IEndpointRouteBuilder MapMachineAuth(this IEndpointRouteBuilder app)
    {
        // Lets a client integrator check their signing against the server before calling real endpoints.
        app.MapGet("/api/machine/whoami", WhoAmI).RequireAuthorization(MachinePolicies.AnyKey);
        return app;
    }

    /// <summary>
    /// Registers a scope a machine-client key may hold, with the policy <see cref="MachinePolicies.PolicyName"/> that
    /// requires it; the feature whose endpoints need the scope calls this from its registration file.
    /// </summary>
    public static IServiceCollection AddMachineScope(this IServiceCollection services, string scope)
    {
        var registered = services.Where(d => d.ServiceType == typeof(MachineScope) && !d.IsKeyedService)
            .Select(d => d.ImplementationInstance).OfType<MachineScope>();
        if (!registered.Any(s => string.Equals(s.Name, scope, StringComparison.OrdinalIgnoreCase)))
            services.AddSingleton(new MachineScope(scope));
        services.TryAddSingleton<MachineScopeRegistry>();
        services.AddAuthorizationBuilder().AddPolicy(MachinePolicies.PolicyName(scope), MachinePolicies.Scope(scope));
        return services;
    }

    static Results<Ok<MachineCaller>, UnauthorizedHttpResult> WhoAmI(ClaimsPrincipal user) =>
        MachineCaller.From(user) is { } caller ? TypedResults.Ok(caller) : TypedResults.Unauthorized();
}
