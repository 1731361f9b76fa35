namespace OpsConsole.Domain.DeadLetters;

/// <summary>What staff or the retry machinery does to a dead letter.</summary>
public enum RemediationAction
{
    /// <summary>Hand the work back to its source to run again.</summary>
    StartRetry,
    RetrySucceeded,
    RetryFailed,
    /// <summary>A retry that gave no result in time (its process died, say) is taken back, so the record can be worked again.</summary>
    AbandonRetry,
    /// <summary>Mark as handled outside the console (fixed by hand).</summary>
    Resolve,
    /// <summary>Close without redoing: the work is no longer wanted.</summary>
    Discard,
}
