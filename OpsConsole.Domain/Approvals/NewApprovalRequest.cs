namespace OpsConsole.Domain.Approvals;

/// <summary>A request as a form or a machine client submits it, before validation.</summary>
public sealed record NewApprovalRequest(ApprovalKind Kind, string? Title, string? Department, string? RequestedBy, ApprovalPayload? Payload);
