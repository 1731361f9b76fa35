namespace OpsConsole.Platform.Transitions;

/// <summary>How a guarded transition ended; there is no fourth way, so no change is lost silently.</summary>
public abstract record TransitionOutcome
{
    TransitionOutcome() { }

    /// <summary>Attempts made, counting the one that ended it.</summary>
    public required int Attempts { get; init; }

    public sealed record Applied(string From, string To) : TransitionOutcome;

    public sealed record Refused(string Reason) : TransitionOutcome;

    public sealed record DeadLettered(Guid DeadLetterId, string Reason) : TransitionOutcome;
}
