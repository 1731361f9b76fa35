namespace OpsConsole.Domain.Approvals;

/// <summary>A request waiting for a department's decision, with its SLA state. Change it only through
/// <see cref="ApprovalRules"/> and <see cref="SlaSchedule"/>.</summary>
public sealed class ApprovalRequest
{
    public const int MinTier = 1;
    public const int MaxTier = 3;

    public Guid Id { get; set; }
    public ApprovalKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>The department key, e.g. <c>treasury</c>.</summary>
    public required string Department { get; set; }
    /// <summary>The requesting user's email or machine client's key id; never allowed to approve.</summary>
    public required string RequestedBy { get; set; }
    public required ApprovalPayload Payload { get; set; }
    /// <summary>The tenant of the machine client that raised it (only that tenant's keys may read it back); null when raised in the console.</summary>
    public string? Tenant { get; set; }
    public ApprovalStatus Status { get; set; } = ApprovalStatus.Pending;
    public int Tier { get; set; } = MinTier;
    /// <summary>A user's email, or null when the department's role for the tier holds the request.</summary>
    public string? Assignee { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The last real action (creation, comment, reassignment); reminders count from here.</summary>
    public DateTimeOffset LastActivityAt { get; set; }
    /// <summary>The policy in force when the request was created, so a later settings change does not move its deadlines.</summary>
    public SlaPolicy Policy { get; set; } = SlaPolicy.MintDefault;
    public DateTimeOffset? NextDueAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset? EscalatedFinalAt { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
    /// <summary>The expired request this one was resubmitted from.</summary>
    public Guid? ResubmissionOf { get; set; }
    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; set; }
}
