namespace OpsConsole.Domain.Approvals;

/// <summary>The outcome of an action on a request: applied (from, to, the audit action, the notices to write, and for a
/// resubmission the new request) or refused with a message naming the request, its status and the action.</summary>
public sealed record ApprovalChange
{
    public required Guid RequestId { get; init; }
    public required ApprovalAction Action { get; init; }
    public required ApprovalStatus From { get; init; }
    /// <summary>The status after the action; equal to <see cref="From"/> for a comment, reassignment or escalation.</summary>
    public ApprovalStatus? To { get; init; }
    public string? AuditAction { get; init; }
    public int TierBefore { get; init; }
    public int TierAfter { get; init; }
    public IReadOnlyList<ApprovalNotice> Notices { get; init; } = [];
    /// <summary>The new Pending request a resubmission creates; the host inserts it.</summary>
    public ApprovalRequest? Resubmission { get; init; }
    public string? Refusal { get; init; }

    public bool IsApplied => Refusal is null;
}
