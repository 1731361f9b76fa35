namespace OpsConsole.Features.Stellar;

/// <summary>The feature's log lines: ids, hashes and statuses only, never an envelope or a key.</summary>
static partial class StellarLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Stellar network unavailable for {Step} of request {RequestId}: {Reason}")]
    public static partial void NetworkUnavailable(ILogger logger, string step, Guid requestId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stellar submission {SubmissionId} ({Hash}) is {Status}")]
    public static partial void Decided(ILogger logger, Guid submissionId, string hash, string status);
}
