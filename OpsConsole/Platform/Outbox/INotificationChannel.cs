namespace OpsConsole.Platform.Outbox;

/// <summary>Sends a message on one channel; throws when the message did not get through.</summary>
public interface INotificationChannel
{
    OutboxChannel Channel { get; }

    /// <summary>False when the channel's settings are empty; nothing is enqueued for a channel that is off.</summary>
    bool IsEnabled { get; }

    Task SendAsync(Guid id, OutboxMessage message, CancellationToken ct);
}
