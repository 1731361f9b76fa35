namespace OpsConsole.Platform.Live;

/// <summary>The hub's group names: one per topic (every follower) and, for per-user topics, one per user.</summary>
public static class LiveGroups
{
    public static string Topic(string topic) => "topic:" + topic;

    public static string User(string topic, string userId) => $"topic:{topic}:user:{userId}";

    /// <summary>
    /// Where the relay sends a change: a per-user topic's change goes only to the group of the user it is about (and
    /// nowhere when it names nobody); a resync, and every change of any other topic, to all the topic's followers.
    /// </summary>
    public static string? For(LiveChange change, LiveAudience audience) =>
        !audience.IsPerUser || change.Kind == LiveChange.Resync ? Topic(change.Topic)
        : change.SubjectId is { Length: > 0 } userId ? User(change.Topic, userId)
        : null;
}
