namespace OpsConsole.Domain.Approvals;

/// <summary>A new Pending request and the notices that announce it.</summary>
public sealed record OpenedRequest(ApprovalRequest Request, IReadOnlyList<ApprovalNotice> Notices);
