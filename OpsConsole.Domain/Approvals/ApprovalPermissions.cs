namespace OpsConsole.Domain.Approvals;

/// <summary>Who may act on a request at its tier: an Operator at tier 1 of their department, a Manager up to tier 2 of
/// their department, TopManagement at any tier of any department. A user the request is reassigned to may act on it
/// while they hold one of those roles.</summary>
public static class ApprovalPermissions
{
    public static ActingScope Scope(IReadOnlySet<string> roles, IReadOnlySet<string> departments)
    {
        var everywhere = roles.Contains(ApprovalRoles.TopManagement) ? ApprovalRequest.MaxTier : 0;
        var inOwn = roles.Contains(ApprovalRoles.Manager) ? 2 : roles.Contains(ApprovalRoles.Operator) ? 1 : 0;
        var perDepartment = inOwn == 0
            ? new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
            : departments.ToDictionary(d => d, _ => inOwn, StringComparer.OrdinalIgnoreCase);
        return new ActingScope(everywhere, perDepartment);
    }

    public static bool IsApprover(IReadOnlySet<string> roles) =>
        roles.Contains(ApprovalRoles.Operator) || roles.Contains(ApprovalRoles.Manager) || roles.Contains(ApprovalRoles.TopManagement);

    /// <summary>May decide, escalate or reassign the request at its current tier (segregation of duties is checked apart).</summary>
    public static bool CanAct(ApprovalActor actor, ApprovalRequest request) =>
        Scope(actor.Roles, actor.Departments).Covers(request.Department, request.Tier)
        || (actor.Is(request.Assignee) && IsApprover(actor.Roles));

    /// <summary>May approve: can act, and did not ask for it.</summary>
    public static bool CanApprove(ApprovalActor actor, ApprovalRequest request) =>
        !actor.Is(request.RequestedBy) && CanAct(actor, request);

    /// <summary>Awaits the actor ("Awaiting me" in the inbox): still Pending, and theirs to approve.</summary>
    public static bool Awaits(ApprovalActor actor, ApprovalRequest request) =>
        request.Status == ApprovalStatus.Pending && CanApprove(actor, request);
}
