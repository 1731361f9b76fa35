using Microsoft.AspNetCore.Authorization;

namespace OpsConsole.Features.Identity;

/// <summary>Server-side authorization policies; pages, endpoints and the hub name these, never raw role checks.</summary>
public static class OpsPolicies
{
    public const string Admin = "ops:admin";
    public const string ReadAudit = "ops:read-audit";
    public const string ReadSystem = "ops:read-system";
    public const string ReadDeadLetters = "ops:read-dead-letters";
    public const string RemediateDeadLetters = "ops:remediate-dead-letters";

    public static AuthorizationBuilder AddOpsPolicies(this AuthorizationBuilder auth) => auth
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
        .AddPolicy(ReadAudit, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Admin, Roles.Viewer, Roles.Remediator, Roles.Manager, Roles.TopManagement))
        .AddPolicy(ReadSystem, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Viewer))
        .AddPolicy(ReadDeadLetters, p => p.RequireAuthenticatedUser().RequireRole(Roles.Remediator, Roles.Viewer, Roles.Admin))
        .AddPolicy(RemediateDeadLetters, p => p.RequireAuthenticatedUser().RequireRole(Roles.Remediator));
}
