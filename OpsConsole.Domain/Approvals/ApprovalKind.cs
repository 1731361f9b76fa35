namespace OpsConsole.Domain.Approvals;

/// <summary>What a request asks to approve; pack approvals join as a second kind with their own payload.</summary>
public enum ApprovalKind
{
    Mint,
}
