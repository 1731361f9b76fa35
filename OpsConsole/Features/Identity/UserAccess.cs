namespace OpsConsole.Features.Identity;

/// <summary>What disabling means for an account: the flag for pages, and a lockout that Identity's own sign-in honours.</summary>
static class UserAccess
{
    public static void Disable(OpsUser user)
    {
        user.IsDisabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
    }

    public static void Enable(OpsUser user)
    {
        user.IsDisabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
    }
}
