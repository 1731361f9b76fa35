namespace OpsConsole.Domain.Approvals;

/// <summary>A request as a form or a machine client submits it, before validation. <paramref name="Tenant"/> is the
/// submitting machine client's tenant, which alone may read the request back over the API; null from the console.</summary>
public sealed record NewApprovalRequest(ApprovalKind Kind, string? Title, string? Department, string? RequestedBy, ApprovalPayload? Payload,
    string? Tenant = null);
