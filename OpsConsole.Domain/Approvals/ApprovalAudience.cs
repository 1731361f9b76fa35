namespace OpsConsole.Domain.Approvals;

/// <summary>Who a notice goes to: one user, or every active holder of a role (in a department when one is named).
/// The host resolves a role to people; for TopManagement with nobody active it falls back to the configured owner.</summary>
public sealed record ApprovalAudience(string? User, string? Role, string? Department)
{
    public static ApprovalAudience Person(string user) => new(user, null, null);
    public static ApprovalAudience RoleIn(string role, string? department) => new(null, role, department);

    /// <summary>Those who hold the request now: its assignee, or the department's role for its tier
    /// (TopManagement is not tied to a department).</summary>
    public static ApprovalAudience Holders(ApprovalRequest request) => request.Assignee is { } user
        ? Person(user)
        : request.Tier >= ApprovalRequest.MaxTier
            ? RoleIn(ApprovalRoles.TopManagement, null)
            : RoleIn(ApprovalRoles.ForTier(request.Tier), request.Department);
}
