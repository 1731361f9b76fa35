namespace OpsConsole.Domain.Approvals;

/// <summary>Why an action is refused, in words that name the request, its status and the action.</summary>
public static class ApprovalRefusals
{
    public static string Verb(ApprovalAction action) => action switch
    {
        ApprovalAction.Approve => "approved",
        ApprovalAction.Reject => "rejected",
        ApprovalAction.Cancel => "cancelled",
        ApprovalAction.EscalateNow => "escalated",
        ApprovalAction.Reassign => "reassigned",
        ApprovalAction.Comment => "commented on",
        ApprovalAction.Resubmit => "resubmitted",
        ApprovalAction.MarkSubmitted => "marked submitted",
        ApprovalAction.MarkConfirmed => "marked confirmed",
        ApprovalAction.MarkTimeoutFailed => "marked timed out",
        ApprovalAction.MarkSubmissionFailed => "marked failed to submit",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string WrongStatus(ApprovalRequest r, ApprovalAction action)
    {
        var hint = (r.Status, action) switch
        {
            (ApprovalStatus.Expired, not ApprovalAction.Resubmit) => " Resubmit it instead.",
            (_, ApprovalAction.Resubmit) => " Only an expired request or a mint that timed out can be resubmitted.",
            (ApprovalStatus.Pending, ApprovalAction.MarkSubmitted) => " It has not been approved.",
            (_, ApprovalAction.MarkConfirmed or ApprovalAction.MarkTimeoutFailed or ApprovalAction.MarkSubmissionFailed) =>
                " Only a submitted request has a network outcome.",
            _ => "",
        };
        return $"Request {r.Id} is {r.Status}; it cannot be {Verb(action)}.{hint}";
    }

    public static string OwnRequest(ApprovalRequest r, ApprovalActor actor) =>
        $"Request {r.Id} is {r.Status} and was requested by {actor.Id}; it cannot be approved by its requester (segregation of duties).";

    public static string NotAtTier(ApprovalRequest r, ApprovalActor actor, ApprovalAction action) =>
        $"Request {r.Id} is {r.Status} at tier {r.Tier} of {r.Department}; it cannot be {Verb(action)} by {actor.Id}, who may not act at this tier.";

    public static string NotRequesterOrAdmin(ApprovalRequest r, ApprovalActor actor, ApprovalAction action) =>
        $"Request {r.Id} is {r.Status}; it can be {Verb(action)} only by its requester or an Admin, not by {actor.Id}.";

    public static string NotResubmitter(ApprovalRequest r, ApprovalActor actor) =>
        $"Request {r.Id} is {r.Status}; it can be resubmitted only by its requester, an Admin or an approver of {r.Department}, not by {actor.Id}.";

    public static string SystemOnly(ApprovalRequest r, ApprovalAction action) =>
        $"Request {r.Id} is {r.Status}; it can be {Verb(action)} only by the console itself, not by a person.";

    public static string Missing(ApprovalRequest r, ApprovalAction action, string what) =>
        $"Request {r.Id} is {r.Status}; it cannot be {Verb(action)} without {what}.";

    public static string TopTier(ApprovalRequest r) =>
        $"Request {r.Id} is {r.Status} at tier {r.Tier}, the top tier; it cannot be escalated further.";

    public static string ToRequester(ApprovalRequest r) =>
        $"Request {r.Id} is {r.Status}; it cannot be reassigned to its requester, who may not approve it.";

    public static string SameAssignee(ApprovalRequest r) =>
        $"Request {r.Id} is {r.Status} and already assigned to {r.Assignee}; it cannot be reassigned to the same user.";
}
