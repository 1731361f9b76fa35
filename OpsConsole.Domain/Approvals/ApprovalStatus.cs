namespace OpsConsole.Domain.Approvals;

/// <summary>Stored and serialized by name; the names are part of the API contract.</summary>
public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    Expired,
    Cancelled,
    Submitted,
    Confirmed,
    TimeoutFailed,
    SubmissionFailed,
}
