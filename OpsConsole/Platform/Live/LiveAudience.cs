namespace OpsConsole.Platform.Live;

/// <summary>
/// Who may follow a topic: the holders of an authorization policy, or, for a per-user topic, each signed-in user for
/// the changes whose subject id is their own user id.
/// </summary>
public sealed record LiveAudience
{
    LiveAudience(string? policy) => Policy = policy;

    /// <summary>The policy a follower must satisfy; null for a per-user topic.</summary>
    public string? Policy { get; }

    /// <summary>True when each follower receives only the changes whose subject id is their user id.</summary>
    public bool IsPerUser => Policy is null;

    /// <summary>Whoever satisfies the named authorization policy; a principal is judged as it is, so any claim the
    /// policy accepts (a role today, a wall display's token claim later) admits it.</summary>
    public static LiveAudience HoldersOf(string policy) =>
        string.IsNullOrWhiteSpace(policy) ? throw new ArgumentException("A live audience needs a policy name.", nameof(policy)) : new(policy);

    /// <summary>Only the user whose id is the change's subject id.</summary>
    public static LiveAudience SubjectUser { get; } = new((string?)null);

    public override string ToString() => Policy is null ? "the subject user only" : $"holders of policy '{Policy}'";
}
