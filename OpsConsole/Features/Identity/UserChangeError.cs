namespace OpsConsole.Features.Identity;

/// <summary>Why a user change was refused; <see cref="Field"/> names the input at fault, or is empty for the change as a whole.</summary>
public sealed record UserChangeError(string Field, string Message);
