namespace OpsConsole.Domain.DeadLetters;

/// <summary>The outcome of asking <see cref="DeadLetterLifecycle"/> for a step: the new status, or why not.</summary>
public sealed record RemediationDecision(DeadLetterStatus From, RemediationAction Action, DeadLetterStatus? To, string? Refusal)
{
    public bool IsAllowed => To is not null;

    public static RemediationDecision Allow(DeadLetterStatus from, RemediationAction action, DeadLetterStatus to) => new(from, action, to, null);

    public static RemediationDecision Refuse(DeadLetterStatus from, RemediationAction action, string reason) => new(from, action, null, reason);
}
