using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.PackApprovals;

/// <summary>How a decision sent over the API ended: its answer (200), the fields at fault (400), or 403, 404, 409 or 503 with the reason.</summary>
public sealed record PackAckOutcome(int Status, PackAckAnswer? Answer = null, IReadOnlyList<FieldError>? Errors = null, string? Reason = null);
