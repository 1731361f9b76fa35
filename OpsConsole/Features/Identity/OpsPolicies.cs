using Microsoft.AspNetCore.Authorization;

namespace OpsConsole.Features.Identity;

/// <summary>Server-side authorization policies; pages, endpoints and the hub name these, never raw role checks.</summary>
public static class OpsPolicies
{
    public const string Admin = "ops:admin";
    public const string ReadAudit = "ops:read-audit";
    public const string ReadSystem = "ops:read-system";

    public static AuthorizationBuilder AddOpsPolicies(this AuthorizationBuilder auth) => auth
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
        .AddPolicy(ReadAudit, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Admin, Roles.Viewer, Roles.Remediator, Roles.Manager, Roles.TopManagement))
        .AddPolicy(ReadSystem, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Viewer));
}
