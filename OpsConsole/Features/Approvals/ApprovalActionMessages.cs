using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>What a person reads after acting on a request: the change made, the rules' refusal as the service gave it,
/// or where the work went when it could not be saved.</summary>
public static class ApprovalActionMessages
{
    public static string Describe(Guid id, ApprovalAction action, TransitionOutcome outcome, string? assignTo = null) => outcome switch
    {
        TransitionOutcome.Applied => action switch
        {
            ApprovalAction.Comment => $"Comment added to request {id}.",
            ApprovalAction.Reassign => $"Request {id} reassigned to {assignTo}.",
            ApprovalAction.Resubmit => $"Request {id} resubmitted as a new request.",
            _ => $"Request {id} {ApprovalRefusals.Verb(action)}.",
        },
        TransitionOutcome.Refused refused => refused.Reason,
        TransitionOutcome.DeadLettered dead =>
            $"Request {id} could not be {ApprovalRefusals.Verb(action)} now; the action was kept as dead letter {dead.DeadLetterId} ({dead.Reason}).",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
