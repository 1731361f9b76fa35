namespace OpsConsole.Platform.Transitions;

/// <summary>How a guarded transition ended; no change is lost silently: it is applied, found needless, refused with a
/// reason, dead-lettered, or (when the caller asked for it) handed back to the caller as failed.</summary>
public abstract record TransitionOutcome
{
    TransitionOutcome() { }

    /// <summary>Attempts made, counting the one that ended it.</summary>
    public required int Attempts { get; init; }

    /// <param name="AuditEventIds">The ids of the audit events written with the change, in order.</param>
    public sealed record Applied(string From, string To, IReadOnlyList<long> AuditEventIds) : TransitionOutcome;

    public sealed record Unchanged(string State) : TransitionOutcome;

    public sealed record Refused(string Reason) : TransitionOutcome;

    public sealed record DeadLettered(Guid DeadLetterId, string Reason) : TransitionOutcome;

    /// <summary>The attempts ran out and the caller takes the failure on (<see cref="WhenExhausted.HandBack"/>).</summary>
    public sealed record Failed(string Reason) : TransitionOutcome;
}
