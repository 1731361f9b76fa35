namespace OpsConsole.Domain.Identity;

/// <summary>Keeps the console administrable: at least one active Admin remains, and no Admin locks themselves out.</summary>
public static class AdminContinuity
{
    /// <summary>Why the change is refused, or null when it may go ahead.</summary>
    /// <param name="activeAdmins">Active (not disabled) Admins before the change, the target included.</param>
    public static string? Refusal(AccountChange change, bool targetIsCaller, bool targetIsActiveAdmin, int activeAdmins)
    {
        if (targetIsActiveAdmin && activeAdmins <= 1)
            return change == AccountChange.Disable
                ? "This is the last active Admin and cannot be disabled; make another user Admin first."
                : "This is the last active Admin and keeps the Admin role; make another user Admin first.";
        if (targetIsCaller)
            return change == AccountChange.Disable
                ? "You cannot disable your own account; ask another Admin."
                : "You cannot remove your own Admin role; ask another Admin.";
        return null;
    }
}
