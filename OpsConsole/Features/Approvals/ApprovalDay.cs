namespace OpsConsole.Features.Approvals;

/// <summary>What became of requests on one UTC day: approved, rejected, expired without a decision.</summary>
public sealed record ApprovalDay(DateOnly Day, int Approved, int Rejected, int Expired);
