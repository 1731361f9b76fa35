namespace OpsConsole.Domain.Approvals;

/// <summary>Who acts: a signed-in user (email, roles, departments) or a system part such as <c>system:sla</c>.</summary>
public sealed record ApprovalActor(string Id, IReadOnlySet<string> Roles, IReadOnlySet<string> Departments)
{
    public const string SystemPrefix = "system:";

    /// <summary>The SLA timers' name in the audit trail.</summary>
    public static ApprovalActor Sla { get; } = System("sla");

    public static ApprovalActor System(string part) => new(SystemPrefix + part, new HashSet<string>(), new HashSet<string>());

    public static ApprovalActor User(string email, IEnumerable<string> roles, IEnumerable<string> departments) =>
        new(email, roles.ToHashSet(StringComparer.Ordinal), departments.ToHashSet(StringComparer.OrdinalIgnoreCase));

    public bool IsSystem => Id.StartsWith(SystemPrefix, StringComparison.Ordinal);

    public bool IsAdmin => Roles.Contains(ApprovalRoles.Admin);

    /// <summary>Emails compare case-insensitively, so the requester cannot slip past segregation of duties by case.</summary>
    public bool Is(string? user) => user is not null && string.Equals(Id, user, StringComparison.OrdinalIgnoreCase);
}
