using OpsConsole.Features.Identity;

namespace OpsConsole.Platform.Live;

/// <summary>The topics a change can be announced on, and who may follow each over the hub.</summary>
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

    // A null policy means any signed-in user; pages apply their own finer checks when they load the subject.
    static readonly Dictionary<string, string?> Policies = new(StringComparer.Ordinal)
    {
        [Approvals] = null,
        [DeadLetters] = null,
        [Alerts] = null,
        [Funding] = null,
        [Audit] = OpsPolicies.ReadAudit,
        [Jobs] = OpsPolicies.ReadSystem,
        [Notifications] = null,
    };

    public static IReadOnlyCollection<string> All => Policies.Keys;

    public static bool IsKnown(string? topic) => topic is not null && Policies.ContainsKey(topic);

    /// <summary>The authorization policy a hub client needs to follow the topic, or null for any signed-in user.</summary>
    public static string? PolicyFor(string topic) =>
        Policies.TryGetValue(topic, out var policy) ? policy : throw new ArgumentException($"Unknown live topic '{topic}'.", nameof(topic));

    public static string GroupName(string topic) => "topic:" + topic;
}
