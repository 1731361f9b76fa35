namespace OpsConsole.Platform.Live;

/// <summary>
/// The answer to "may this principal follow this topic": granted, for a per-user topic only to the changes about its
/// own user id, or refused with a reason the follower may read.
/// </summary>
public sealed record LiveFollow(string Topic, string? Refusal, string? UserId = null)
{
    public bool IsGranted => Refusal is null;

    public static LiveFollow Granted(string topic, string? userId = null) => new(topic, null, userId);

    public static LiveFollow Refused(string topic, string refusal) => new(topic, refusal);

    /// <summary>Whether a change on the topic reaches this follower; a resync reaches every follower.</summary>
    public bool Delivers(LiveChange change) =>
        IsGranted && change.Topic == Topic && (UserId is null || change.Kind == LiveChange.Resync || change.SubjectId == UserId);
}
