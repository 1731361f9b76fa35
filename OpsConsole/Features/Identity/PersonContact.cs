namespace OpsConsole.Features.Identity;

/// <summary>A user to reach: their id (for the in-app inbox) and their email.</summary>
public sealed record PersonContact(string UserId, string Email);
