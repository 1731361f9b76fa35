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
    /// <summary>May open the approvals inbox and request pages; what they may do there is decided per request.</summary>
    public const string ReadApprovals = "ops:read-approvals";
    /// <summary>May raise a request from the console (the requester can never approve it).</summary>
    public const string RaiseApprovals = "ops:raise-approvals";
    /// <summary>May watch alerts and funding as they are raised, cleared and credited: every role of the console.</summary>
    public const string ReadAlerts = "ops:read-alerts";

    public static AuthorizationBuilder AddOpsPolicies(this AuthorizationBuilder auth) => auth
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
        .AddPolicy(ReadAudit, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Admin, Roles.Viewer, Roles.Remediator, Roles.Manager, Roles.TopManagement))
        .AddPolicy(ReadSystem, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Viewer))
        .AddPolicy(ReadDeadLetters, p => p.RequireAuthenticatedUser().RequireRole(Roles.Remediator, Roles.Viewer, Roles.Admin))
        .AddPolicy(RemediateDeadLetters, p => p.RequireAuthenticatedUser().RequireRole(Roles.Remediator))
        .AddPolicy(ReadApprovals, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Operator, Roles.Manager, Roles.TopManagement, Roles.Viewer, Roles.Admin))
        .AddPolicy(RaiseApprovals, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator, Roles.Manager, Roles.TopManagement))
        .AddPolicy(ReadAlerts, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Admin, Roles.Viewer, Roles.Operator, Roles.Manager, Roles.TopManagement, Roles.Remediator));
}
