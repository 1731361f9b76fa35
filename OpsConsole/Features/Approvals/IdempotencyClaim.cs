using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>A machine client's Idempotency-Key for one submission; <see cref="Response"/> renders the body kept for retries.</summary>
public sealed record IdempotencyClaim(string KeyId, string? Tenant, string Key, string BodyHash, Func<ApprovalRequest, string> Response);
