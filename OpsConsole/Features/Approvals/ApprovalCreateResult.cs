using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>How a submission ended: created, refused field by field, answered from an earlier submission with the
/// same Idempotency-Key, or failed (dead-lettered).</summary>
public sealed record ApprovalCreateResult
{
    public ApprovalRequest? Created { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
    /// <summary>The earlier submission under the same key, when there was one.</summary>
    public ApprovalIdempotencyKey? Replayed { get; init; }
    public string? Failure { get; init; }
}
