namespace OpsConsole.Platform.Live;

/// <summary>
/// The names of the topics a change can be announced on. Who may follow each is registered by the feature that owns
/// it (<see cref="LiveFeature.AddLiveTopic"/>), never here, so the platform knows no feature's policies.
/// </summary>
public static class LiveTopics
{
    public const string Approvals = "approvals";
    public const string DeadLetters = "dead-letters";
    public const string Alerts = "alerts";
    public const string Funding = "funding";
    public const string Audit = "audit";
    public const string Jobs = "jobs";
    /// <summary>In-app notifications; the subject id is the recipient's user id.</summary>
    public const string Notifications = "notifications";
    /// <summary>A user's sign-in sessions started or ended; the subject id is that user's id.</summary>
    public const string Sessions = "sessions";

    /// <summary>Every name a feature may register; a registration of any other name stops start-up.</summary>
    public static IReadOnlyList<string> All { get; } = [Approvals, DeadLetters, Alerts, Funding, Audit, Jobs, Notifications, Sessions];
}
