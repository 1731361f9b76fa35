namespace OpsConsole.Features.Approvals;

/// <summary>Someone a request can be reassigned to: an active user holding an approver role.</summary>
public sealed record ApprovalAssignee(string Email, string DisplayName, IReadOnlyList<string> Roles);
