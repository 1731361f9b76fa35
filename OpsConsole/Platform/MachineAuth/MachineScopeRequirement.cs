using Microsoft.AspNetCore.Authorization;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// Met by a machine client whose key holds the scope, by a person signed in with one of the given roles, or by any
/// identity from one of the given schemes (a scheme that admits to this one scope only).
/// On failure it notes the scope on the request so the 403 can name it.
/// </summary>
sealed class MachineScopeRequirement(string scope, IReadOnlyList<string> orRoles, IReadOnlyList<string>? orSchemes = null)
    : AuthorizationHandler<MachineScopeRequirement>, IAuthorizationRequirement
{
    public string Scope => scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MachineScopeRequirement requirement)
    {
        // Only the MachineHmac identity may carry scopes; a claim of that name from anywhere else counts for nothing.
        // Settings are case-insensitive everywhere else, so scope names are too.
        var machineHasScope = context.User.Identities.Any(i =>
            i.IsAuthenticated && i.AuthenticationType == MachineHmacHandler.SchemeName
            && i.HasClaim(c => c.Type == MachineClaims.Scope && string.Equals(c.Value, scope, StringComparison.OrdinalIgnoreCase)));
        var fromScopeScheme = orSchemes is not null
            && context.User.Identities.Any(i => i.IsAuthenticated && orSchemes.Contains(i.AuthenticationType, StringComparer.Ordinal));
        if (machineHasScope || fromScopeScheme || orRoles.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        if (context.Resource is HttpContext http)
            http.Items[MachineHmacHandler.MissingScopeItem] = scope;
        context.Fail(new AuthorizationFailureReason(this, $"Scope '{scope}' is required"));
        return Task.CompletedTask;
    }
}
