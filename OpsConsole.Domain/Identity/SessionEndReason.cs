namespace OpsConsole.Domain.Identity;

/// <summary>Why a session was ended on purpose; stored with the session and written into its audit event.</summary>
public static class SessionEndReason
{
    public const string SignedOut = "signed_out";
    public const string SignedOutElsewhere = "signed_out_from_another_session";
    public const string EndedByAdmin = "ended_by_admin";
    public const string UserDisabled = "user_disabled";
    public const string RolesChanged = "roles_changed";
    public const string PasswordReset = "password_reset";
    /// <summary>The account's security stamp no longer matches the session's (a change made outside the console's own paths).</summary>
    public const string AccountChanged = "account_changed";

    /// <summary>A sentence for the person whose session it was.</summary>
    public static string Describe(SessionState state, string? reason) => state switch
    {
        SessionState.IdleTimedOut => "It was idle for longer than the idle timeout.",
        SessionState.Expired => "It reached the longest time a session may last.",
        _ => Describe(reason),
    };

    static string Describe(string? reason) => reason switch
    {
        SignedOut => "You signed out.",
        SignedOutElsewhere => "You signed this session out from another one.",
        EndedByAdmin => "An Admin ended this session.",
        UserDisabled => "Your account was disabled.",
        RolesChanged => "Your roles were changed; sign in again to use the new ones.",
        PasswordReset => "Your password was reset.",
        AccountChanged => "Your account was changed.",
        _ => "Your session ended.",
    };
}
