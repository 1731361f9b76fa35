namespace OpsConsole.Platform.Outbox;

/// <summary>Log lines of the dispatcher; they name the row, the channel and the event, never the recipient or settings.</summary>
static partial class NotificationLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Notification {Id} ({EventKey}) delivered by {Channel} on attempt {Attempt}")]
    public static partial void Delivered(ILogger logger, Guid id, OutboxChannel channel, string eventKey, int attempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notification {Id} ({EventKey}) by {Channel} failed on attempt {Attempt} of {MaxAttempts}; next try at {RetryAt:O}: {Error}")]
    public static partial void WillRetry(ILogger logger, Guid id, OutboxChannel channel, string eventKey, int attempt, int maxAttempts,
        DateTimeOffset retryAt, string error);
}
