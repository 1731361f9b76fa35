namespace OpsConsole.Platform.Transitions;

/// <summary>How work failed for good: the last state change it tried, the last error and when the failures happened.</summary>
public sealed record TransitionFailure(
    string? FromState,
    string? ToState,
    string Reason,
    Exception Error,
    int Attempts,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt);
