namespace OpsConsole.Features.Identity;

/// <summary>One row of the user list.</summary>
public sealed record UserSummary(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments,
    bool IsDisabled, DateTimeOffset CreatedAt);
