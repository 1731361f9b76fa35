using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>A request staged for opening with the effects of its opening, or why it cannot be opened.</summary>
public sealed record ApprovalOpening(ApprovalRequest? Request, string? Refusal, TransitionEffects? Effects);
