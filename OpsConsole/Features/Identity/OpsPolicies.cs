using System.Security.Claims;
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

    /// <summary>May open the alert wall: every role of the console, and a wall display (<see cref="OpsClaims.WallDisplay"/>).</summary>
    public const string WatchWall = "ops:watch-wall";
    /// <summary>May follow the live topics the wall shows (alerts, approvals, dead letters, funding): the roles that read
    /// each one, and a wall display, which sees only the counts and tiles the wall draws from them.</summary>
    public const string FollowAlerts = "ops:follow-alerts";
    public const string FollowApprovals = "ops:follow-approvals";
    public const string FollowDeadLetters = "ops:follow-dead-letters";
    /// <summary>Funding's topic: those who read /funding (<see cref="ReadAlerts"/>), and a wall display for its pipeline.</summary>
    public const string FollowFunding = "ops:follow-funding";

    static readonly string[] AlertReaders = [Roles.Admin, Roles.Viewer, Roles.Operator, Roles.Manager, Roles.TopManagement, Roles.Remediator];
    static readonly string[] ApprovalReaders = [Roles.Operator, Roles.Manager, Roles.TopManagement, Roles.Viewer, Roles.Admin];
    static readonly string[] DeadLetterReaders = [Roles.Remediator, Roles.Viewer, Roles.Admin];

    /// <summary>
    /// What a bare [Authorize] asks: a signed-in person, who has a user id. A wall display is authenticated too, but has
    /// none, so it opens no page that is not meant for it.
    /// </summary>
    public static AuthorizationPolicy Person { get; } =
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(ClaimTypes.NameIdentifier).Build();

    public static bool IsWallDisplay(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(c => c.Type == OpsClaims.WallDisplay);

    public static AuthorizationBuilder AddOpsPolicies(this AuthorizationBuilder auth) => auth
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
        .AddPolicy(ReadAudit, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Admin, Roles.Viewer, Roles.Remediator, Roles.Manager, Roles.TopManagement))
        .AddPolicy(ReadSystem, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Viewer))
        .AddPolicy(ReadDeadLetters, p => p.RequireAuthenticatedUser().RequireRole(DeadLetterReaders))
        .AddPolicy(RemediateDeadLetters, p => p.RequireAuthenticatedUser().RequireRole(Roles.Remediator))
        .AddPolicy(ReadApprovals, p => p.RequireAuthenticatedUser().RequireRole(ApprovalReaders))
        .AddPolicy(RaiseApprovals, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator, Roles.Manager, Roles.TopManagement))
        .AddPolicy(ReadAlerts, p => p.RequireAuthenticatedUser().RequireRole(AlertReaders))
        .AddPolicy(WatchWall, p => RoleOrWall(p, Roles.All))
        .AddPolicy(FollowAlerts, p => RoleOrWall(p, AlertReaders))
        .AddPolicy(FollowApprovals, p => RoleOrWall(p, ApprovalReaders))
        .AddPolicy(FollowDeadLetters, p => RoleOrWall(p, DeadLetterReaders))
        .AddPolicy(FollowFunding, p => RoleOrWall(p, AlertReaders));

    static void RoleOrWall(AuthorizationPolicyBuilder policy, IReadOnlyList<string> roles) => policy.RequireAuthenticatedUser()
        .RequireAssertion(c => IsWallDisplay(c.User) || roles.Any(c.User.IsInRole));
}
