namespace OpsConsole.Features.Identity.Sessions;

/// <summary>The audit actions of sessions; the subject is ("session", id).</summary>
public static class SessionActions
{
    public const string SubjectType = "session";
    public const string Started = "session.started";
    public const string Ended = "session.ended";
    public const string Purged = "session.purged";
}
