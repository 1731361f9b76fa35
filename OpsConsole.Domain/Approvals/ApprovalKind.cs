namespace OpsConsole.Domain.Approvals;

/// <summary>What a request asks to approve; each kind has its own payload and SLA policy.</summary>
public enum ApprovalKind
{
    Mint,
    PackApproval,
}
