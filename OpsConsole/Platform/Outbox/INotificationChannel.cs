namespace OpsConsole.Platform.Outbox;

/// <summary>Sends a message on one channel; throws when the message did not get through.</summary>
public interface INotificationChannel
{
    OutboxChannel Channel { get; }

    /// <summary>False when the channel's settings are empty; nothing is enqueued for a channel that is off.</summary>
    bool IsEnabled { get; }

    /// <summary>True when the row is itself the delivery (the bell): it is written delivered with the change that causes
    /// it, its recipient is told when that change commits, and the dispatcher never takes it.</summary>
    bool DeliveredWithChange => false;

    Task SendAsync(Guid id, OutboxMessage message, CancellationToken ct);
}
