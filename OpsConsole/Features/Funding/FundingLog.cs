namespace OpsConsole.Features.Funding;

/// <summary>Log lines of the funding observer.</summary>
static partial class FundingLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The funding observer could not read handle {Handle}: {Reason}; it reads it again next poll")]
    public static partial void ReadFailed(ILogger logger, string handle, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The funding observer could not save what it read of handle {Handle}: {Reason}; it reads it again next poll")]
    public static partial void NotWritten(ILogger logger, string handle, string reason);
}
