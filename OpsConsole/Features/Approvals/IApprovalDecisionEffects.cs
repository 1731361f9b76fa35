using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// What another feature keeps of a decision, staged in the decision's own transaction: a Task Runner approval records it
/// and queues the call that hands it back. Called for every approval or rejection, whoever made it and however.
/// </summary>
public interface IApprovalDecisionEffects
{
    /// <summary>The effects to add, or null when the request is not this feature's.</summary>
    Task<TransitionEffects?> DescribeAsync(OpsDbContext db, ApprovalRequest request, ApprovalActor actor, string? reason, CancellationToken ct);
}
