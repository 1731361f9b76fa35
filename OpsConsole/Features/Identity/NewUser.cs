namespace OpsConsole.Features.Identity;

/// <summary>What an Admin enters to create a user.</summary>
public sealed record NewUser(string Email, string DisplayName, string Password, IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> Departments);
