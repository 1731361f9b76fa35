namespace OpsConsole.Features.Alerts;

/// <summary>Log lines of the alert evaluator; they name rules and counts, never what the feeds sent.</summary>
static partial class AlertLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert rule {Code} could not read its facts; its alerts stay as they are: {Error}")]
    public static partial void RuleFailed(ILogger logger, string code, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert evaluation: {Raised} raised, {Cleared} cleared, {Reminded} reminded")]
    public static partial void Changed(ILogger logger, int raised, int cleared, int reminded);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert evaluation was not written: {Reason}")]
    public static partial void NotWritten(ILogger logger, string reason);
}
