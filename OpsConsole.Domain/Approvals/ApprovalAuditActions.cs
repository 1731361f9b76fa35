namespace OpsConsole.Domain.Approvals;

/// <summary>Audit action names for approval requests (subject type <see cref="SubjectType"/>).</summary>
public static class ApprovalAuditActions
{
    public const string SubjectType = "approval_request";

    public const string Created = "approval.created";
    public const string Approved = "approval.approved";
    public const string Rejected = "approval.rejected";
    public const string Cancelled = "approval.cancelled";
    public const string Escalated = "approval.escalated";
    public const string EscalatedFinal = "approval.escalated_final";
    public const string Reassigned = "approval.reassigned";
    public const string Commented = "approval.commented";
    public const string Resubmitted = "approval.resubmitted";
    public const string Reminded = "approval.reminded";
    public const string Expired = "approval.expired";
    public const string Submitted = "approval.submitted";
    public const string Confirmed = "approval.confirmed";
    public const string TimeoutFailed = "approval.timeout_failed";
    public const string SubmissionFailed = "approval.submission_failed";
    /// <summary>The request stays Submitted, but its mint can no longer be proven landed or lost: a person decides.</summary>
    public const string MintUnknown = "approval.mint_unknown";
    public const string PolicyChanged = "approval.policy_changed";
    /// <summary>The SLA timers leave the request alone for a while after applying its steps failed.</summary>
    public const string SlaDeferred = "approval.sla_deferred";
}
