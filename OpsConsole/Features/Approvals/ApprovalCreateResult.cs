using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>How a submission ended: created, refused field by field, answered from an earlier submission with the
/// same Idempotency-Key, refused because that key belongs to another body, or failed (dead-lettered).</summary>
public sealed record ApprovalCreateResult
{
    public ApprovalRequest? Created { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
    /// <summary>The earlier submission under the same key and with the same body: its kept answer is the answer.</summary>
    public ApprovalIdempotencyKey? Replayed { get; init; }
    /// <summary>The earlier submission under the same key with another body.</summary>
    public ApprovalIdempotencyKey? KeyReused { get; init; }
    public string? Failure { get; init; }
}
