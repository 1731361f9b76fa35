namespace OpsConsole.Features.Approvals;

/// <summary>Log lines of the SLA timers; they name requests and errors, never payloads.</summary>
static partial class SlaLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Operation} failed for a batch of {Count} request(s) ({Failure}); applying them one by one")]
    public static partial void BatchFellBack(ILogger logger, string operation, int count, string failure);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Operation} failed for every request of a batch on its own; the fault is shared, so this run stops here")]
    public static partial void SharedFault(ILogger logger, string operation);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Operation} failed for request {RequestId} ({Failures} time(s) in a row); the SLA timers leave it until {DeferredUntil}")]
    public static partial void Deferred(ILogger logger, string operation, Guid requestId, int failures, DateTimeOffset deferredUntil);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "{Operation} failed for request {RequestId} and its deferral could not be written ({Outcome}); the next tick may claim it again")]
    public static partial void DeferralNotWritten(ILogger logger, string operation, Guid requestId, string outcome);
}
