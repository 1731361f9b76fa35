namespace OpsConsole.Domain.Approvals;

public enum ApprovalAction
{
    Approve,
    Reject,
    Cancel,
    EscalateNow,
    Reassign,
    Comment,
    Resubmit,
    /// <summary>The approved mint was sent to the network (reported by the Stellar feature).</summary>
    MarkSubmitted,
    MarkConfirmed,
    MarkTimeoutFailed,
    MarkSubmissionFailed,
}
