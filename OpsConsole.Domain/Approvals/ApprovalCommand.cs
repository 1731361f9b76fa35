namespace OpsConsole.Domain.Approvals;

/// <summary>An action with what it needs: a reason (required to reject), the new assignee, the comment text, or for a
/// resubmission the new request's id and the policy in force now.</summary>
public sealed record ApprovalCommand(ApprovalAction Action)
{
    public string? Reason { get; init; }
    public string? AssignTo { get; init; }
    public Guid? NewRequestId { get; init; }
    public SlaPolicy? NewPolicy { get; init; }

    public static ApprovalCommand Approve(string? reason = null) => new(ApprovalAction.Approve) { Reason = reason };
    public static ApprovalCommand Reject(string? reason) => new(ApprovalAction.Reject) { Reason = reason };
    public static ApprovalCommand Cancel(string? reason = null) => new(ApprovalAction.Cancel) { Reason = reason };
    public static ApprovalCommand EscalateNow(string? reason = null) => new(ApprovalAction.EscalateNow) { Reason = reason };
    public static ApprovalCommand Reassign(string? user, string? reason = null) => new(ApprovalAction.Reassign) { AssignTo = user, Reason = reason };
    public static ApprovalCommand Comment(string? text) => new(ApprovalAction.Comment) { Reason = text };
    public static ApprovalCommand Resubmit(Guid newRequestId, SlaPolicy policy) =>
        new(ApprovalAction.Resubmit) { NewRequestId = newRequestId, NewPolicy = policy };
    public static ApprovalCommand Mark(ApprovalAction action, string? reason = null) => new(action) { Reason = reason };
}
