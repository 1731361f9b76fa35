namespace OpsConsole.Features.Approvals;

/// <summary>A machine client's Idempotency-Key and the request its first submission created.</summary>
public sealed class ApprovalIdempotencyKey
{
    public required string KeyId { get; set; }
    public required string Key { get; set; }
    public string? Tenant { get; set; }
    /// <summary>SHA-256 of the first body, so a different body under the same key is told apart from a retry.</summary>
    public required string BodyHash { get; set; }
    public Guid RequestId { get; set; }
    /// <summary>The first response's body, returned as it was to every retry.</summary>
    public required string Response { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
