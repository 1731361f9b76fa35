using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Redoes a dead-lettered approval action for the same person against the request's current state. The person is read
/// afresh (a disabled user cannot act), and the Domain refuses the action if the request has moved on meanwhile; the
/// record then stays for staff to resolve or discard.
/// </summary>
sealed class ApprovalActionRetry(ApprovalAction action, ApprovalService approvals, IPeopleDirectory people) : IDeadLetterHandler
{
    public string? Source => null;
    public string AggregateType => ApprovalAuditActions.SubjectType;
    public string Operation => OperationFor(action);

    public static string OperationFor(ApprovalAction action) => $"approval.{action}";

    public async Task<RetryResult> RetryAsync(DeadLetter letter, CancellationToken ct)
    {
        if (!Guid.TryParse(letter.AggregateId, out var id))
            return RetryResult.Failure($"'{letter.AggregateId}' is not an approval request id.");
        if (letter.Payload["actor"]?.GetValue<string>() is not { Length: > 0 } actorId)
            return RetryResult.Failure("The dead letter does not name who acted, so the action cannot be redone for them.");

        ApprovalActor actor;
        if (actorId.StartsWith(ApprovalActor.SystemPrefix, StringComparison.Ordinal))
            actor = ApprovalActor.System(actorId[ApprovalActor.SystemPrefix.Length..]);
        else if (await people.ActivePrincipalAsync(actorId, ct) is { } principal)
            actor = ApprovalActors.From(principal);
        else
            return RetryResult.Failure($"{actorId} is no longer an active user, so the action cannot be redone for them.");

        var command = new ApprovalCommand(action)
        {
            Reason = letter.Payload["reason"]?.GetValue<string>(),
            AssignTo = letter.Payload["assignTo"]?.GetValue<string>(),
        };
        return await approvals.ActAsync(id, command, actor, ct) switch
        {
            TransitionOutcome.Applied => RetryResult.Success(),
            TransitionOutcome.Refused refused => RetryResult.Failure(refused.Reason),
            TransitionOutcome.DeadLettered failed => RetryResult.Failure(failed.Reason),
            _ => RetryResult.Failure("The action ended in no known way."),
        };
    }

    /// <summary>One handler per action people take on a request; Mark… outcomes belong to the Stellar feature.</summary>
    public static IServiceCollection Register(IServiceCollection services)
    {
        ApprovalAction[] retried = [ApprovalAction.Approve, ApprovalAction.Reject, ApprovalAction.Cancel, ApprovalAction.EscalateNow,
            ApprovalAction.Reassign, ApprovalAction.Comment, ApprovalAction.Resubmit];
        foreach (var a in retried)
            services.AddScoped<IDeadLetterHandler>(sp =>
                new ApprovalActionRetry(a, sp.GetRequiredService<ApprovalService>(), sp.GetRequiredService<IPeopleDirectory>()));
        return services;
    }
}
