namespace OpsConsole.Domain.PackApprovals;

/// <summary>
/// A Task Runner event as it was accepted: stored by the request that sent it (which is answered as soon as it is stored),
/// then applied in order, per approval, by the console's processing: the approval, its request and its notices follow.
/// </summary>
public sealed class AcceptedPackEvent
{
    /// <summary>The order events are applied in.</summary>
    public long Seq { get; set; }
    public required string Tenant { get; set; }
    public required string EventId { get; set; }
    /// <summary>One of <see cref="AcceptedPackEventKinds"/>.</summary>
    public required string Kind { get; set; }
    public required string RunId { get; set; }
    /// <summary>The approval id, or a hold's gate.</summary>
    public required string Item { get; set; }
    /// <summary>An approval's revision; 0 for a hold.</summary>
    public int Revision { get; set; }
    /// <summary>What the revision says (<see cref="PackApprovalRules.Fingerprint"/>); null for a hold.</summary>
    public string? Fingerprint { get; set; }
    /// <summary>The approval request the approval opens (or opened), named when the event is accepted; null for a hold.</summary>
    public Guid? RequestId { get; set; }
    /// <summary>The event as sent, without its resume token.</summary>
    public required string Body { get; set; }
    /// <summary>The approval's resume token in force from this revision on, encrypted; null for a hold.</summary>
    public string? ProtectedResumeToken { get; set; }
    public required string KeyId { get; set; }
    public required string CorrelationId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>When it was applied; null while it waits.</summary>
    public DateTimeOffset? AppliedAt { get; set; }
    /// <summary>One of <see cref="AcceptedPackEventOutcomes"/> once applied.</summary>
    public string? Outcome { get; set; }
    public string? OutcomeReason { get; set; }
    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; set; }
}

public static class AcceptedPackEventKinds
{
    public const string Requested = "requested";
    public const string Updated = "updated";
    public const string Hold = "hold";
}

public static class AcceptedPackEventOutcomes
{
    /// <summary>The approval, its request or the hold now say what the event said.</summary>
    public const string Applied = "applied";

    /// <summary>What the event said was already so when its turn came.</summary>
    public const string Repeat = "repeat";

    /// <summary>The approval was decided (or closed) between the event's acceptance and its turn, so the update was not
    /// applied; the decision stands and the Task Runner hears of it through the resume call.</summary>
    public const string Superseded = "superseded";
}
