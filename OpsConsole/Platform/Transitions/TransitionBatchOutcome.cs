namespace OpsConsole.Platform.Transitions;

/// <summary>How a batch of changes ended: each change's outcome in the order the attempt decided them, or, when the
/// batch as a whole could not be saved, its <see cref="Failure"/> (dead-lettered or handed back) and no change at all.</summary>
public sealed record TransitionBatchOutcome(IReadOnlyList<TransitionOutcome> Items, TransitionOutcome? Failure = null)
{
    /// <summary>Attempts made, counting the one that ended it.</summary>
    public required int Attempts { get; init; }

    /// <summary>The outcome of each decision of an attempt that went through; applied ones carry their audit event ids.</summary>
    public static TransitionBatchOutcome Of(IReadOnlyList<TransitionDecision> decisions, IReadOnlyList<IReadOnlyList<long>> auditIds, int attempts)
    {
        var applied = 0;
        return new TransitionBatchOutcome([.. decisions.Select(decision => decision switch
        {
            TransitionDecision.Applied a => (TransitionOutcome)new TransitionOutcome.Applied(a.From, a.To, auditIds[applied++]) { Attempts = attempts },
            TransitionDecision.Kept kept => new TransitionOutcome.Unchanged(kept.State) { Attempts = attempts },
            TransitionDecision.Refused refused => new TransitionOutcome.Refused(refused.Reason) { Attempts = attempts },
            _ => throw new InvalidOperationException("A transition decision of an unknown kind."),
        })])
        { Attempts = attempts };
    }
}
