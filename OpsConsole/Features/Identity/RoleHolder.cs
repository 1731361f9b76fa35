namespace OpsConsole.Features.Identity;

/// <summary>One role held by an active user, with the name people know them by.</summary>
public sealed record RoleHolder(string Email, string DisplayName, string Role);
