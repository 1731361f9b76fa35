using Microsoft.AspNetCore.Authorization;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// Authorization policies for machine clients; endpoints name these, never raw scope checks. Each registered scope has
/// the policy <see cref="PolicyName"/>; a feature that also admits people builds it with <see cref="RequireScopeOrRole"/>.
/// </summary>
public static class MachinePolicies
{
    const string Prefix = "machine:";

    /// <summary>Any valid machine-client signature, whatever its scopes.</summary>
    public const string AnyKey = Prefix + "any";

    public static string PolicyName(string scope) => Prefix + scope;

    /// <summary>A policy that authenticates with MachineHmac and requires the scope; usable inline or by name.</summary>
    public static AuthorizationPolicy Scope(string scope) =>
        new AuthorizationPolicyBuilder(MachineHmacHandler.SchemeName)
            .AddRequirements(new MachineScopeRequirement(scope, []))
            .Build();

    /// <summary>
    /// Met by a machine key holding the scope, a person in one of the roles, or any identity from one of the schemes; a
    /// refused machine key is told which scope it lacks.
    /// </summary>
    public static AuthorizationPolicyBuilder RequireScopeOrRole(this AuthorizationPolicyBuilder policy, string scope,
        IReadOnlyList<string> roles, IReadOnlyList<string>? orSchemes = null) =>
        policy.AddRequirements(new MachineScopeRequirement(scope, roles, orSchemes));

    public static AuthorizationBuilder AddMachinePolicies(this AuthorizationBuilder auth) =>
        auth.AddPolicy(AnyKey, p => p.AddAuthenticationSchemes(MachineHmacHandler.SchemeName).RequireClaim(MachineClaims.KeyId));
}
