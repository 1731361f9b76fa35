using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>One page of the inbox and the number of requests the whole view matches.</summary>
public sealed record ApprovalInboxRows(IReadOnlyList<ApprovalRequest> Items, int Total)
{
    public static readonly ApprovalInboxRows Empty = new([], 0);
}
