namespace OpsConsole.Platform.Transitions;

/// <summary>Log lines of the transition mechanism; they name the work, never its payload.</summary>
static partial class TransitionLog
{
    [LoggerMessage(Level = LogLevel.Debug,
        Message = "{Operation} on {AggregateType} {AggregateId} failed on attempt {Attempt} of {MaxAttempts} ({ExceptionType}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, string aggregateType, string aggregateId,
        int attempt, int maxAttempts, string exceptionType, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Operation} on {AggregateType} {AggregateId} failed on attempt {Attempt} ({ExceptionType}); handed back to its caller")]
    public static partial void HandedBack(ILogger logger, string operation, string aggregateType, string aggregateId, int attempt,
        string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Operation} on {AggregateType} {AggregateId} from {Source} was dead-lettered as {DeadLetterId} after {Attempts} attempt(s): {ExceptionType}, fingerprint {Fingerprint}")]
    public static partial void DeadLettered(ILogger logger, string operation, string aggregateType, string aggregateId,
        string source, Guid deadLetterId, int attempts, string exceptionType, string fingerprint);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Operation} on {AggregateType} {AggregateId} from {Source} failed again; open dead letter {DeadLetterId} now counts {Occurrences} occurrence(s): {ExceptionType}, fingerprint {Fingerprint}")]
    public static partial void DeadLetterRecurred(ILogger logger, string operation, string aggregateType, string aggregateId,
        string source, Guid deadLetterId, int occurrences, string exceptionType, string fingerprint);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "{Operation} on {AggregateType} {AggregateId} failed and its dead letter could not be written")]
    public static partial void DeadLetterNotWritten(ILogger logger, Exception error, string operation, string aggregateType, string aggregateId);
}
