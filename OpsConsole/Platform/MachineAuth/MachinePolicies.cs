using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.MetricsScrape;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>Authorization policies for machine clients; endpoints name these, never raw scope checks.</summary>
public static class MachinePolicies
{
    const string Prefix = "machine:";

    /// <summary>Any valid machine-client signature, whatever its scopes.</summary>
    public const string AnyKey = Prefix + "any";
    public const string ApprovalsSubmit = Prefix + MachineScopes.ApprovalsSubmit;
    public const string DeadLettersRead = Prefix + MachineScopes.DeadLettersRead;
    public const string MetricsRead = Prefix + MachineScopes.MetricsRead;

    /// <summary>/metrics: a signed-in Admin or Viewer, a machine client holding Metrics:Read, or the Metrics:ScrapeToken bearer.</summary>
    public const string MetricsReaders = "ops:read-metrics";

    /// <summary>/api/dead-letters: a signed-in Remediator, Viewer or Admin, or a machine client holding DeadLetters:Read.</summary>
    public const string DeadLetterReaders = "ops:read-dead-letters-api";

    public static string PolicyName(string scope) => Prefix + scope;

    /// <summary>A policy that authenticates with MachineHmac and requires the scope; usable inline or by name.</summary>
    public static AuthorizationPolicy Scope(string scope) =>
        new AuthorizationPolicyBuilder(MachineHmacHandler.SchemeName)
            .AddRequirements(new MachineScopeRequirement(scope, []))
            .Build();

    public static AuthorizationBuilder AddMachinePolicies(this AuthorizationBuilder auth)
    {
        auth.AddPolicy(AnyKey, p => p.AddAuthenticationSchemes(MachineHmacHandler.SchemeName).RequireClaim(MachineClaims.KeyId));
        foreach (var scope in MachineScopes.All)
            auth.AddPolicy(PolicyName(scope), Scope(scope));
        // Cookie first: its challenge only sets the status; a refused bearer token answers next, else the machine challenge does.
        auth.AddPolicy(MetricsReaders, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, MetricsScrapeHandler.SchemeName, MachineHmacHandler.SchemeName)
            .AddRequirements(new MachineScopeRequirement(MachineScopes.MetricsRead, [Roles.Admin, Roles.Viewer], [MetricsScrapeHandler.SchemeName])));
        auth.AddPolicy(DeadLetterReaders, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, MachineHmacHandler.SchemeName)
            .AddRequirements(new MachineScopeRequirement(MachineScopes.DeadLettersRead, [Roles.Remediator, Roles.Viewer, Roles.Admin])));
        return auth;
    }
}
