namespace OpsConsole.Platform.Transitions;

/// <summary>How a batch of changes ended: each change's outcome in the order the attempt decided them, or, when the
/// batch as a whole could not be saved, its <see cref="Failure"/> (dead-lettered or handed back) and no change at all.</summary>
public sealed record TransitionBatchOutcome(IReadOnlyList<TransitionOutcome> Items, TransitionOutcome? Failure = null)
{
    /// <summary>Attempts made, counting the one that ended it.</summary>
    public required int Attempts { get; init; }
}
