namespace OpsConsole.Platform.Transitions;

/// <summary>What the executor does with work whose attempts ran out.</summary>
public enum WhenExhausted
{
    /// <summary>Writes one dead letter; the usual end.</summary>
    DeadLetter,

    /// <summary>Returns <see cref="TransitionOutcome.Failed"/> without a record, for a caller that handles the failure
    /// itself: a batch about to redo its items one by one, or a dead letter's own retry.</summary>
    HandBack,
}
