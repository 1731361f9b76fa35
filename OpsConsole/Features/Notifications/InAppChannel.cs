using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

/// <summary>The bell: the outbox row is the notification, written delivered with the change that causes it (see
/// <see cref="Outbox"/>). A row still pending, written before that was so, is delivered by marking it and announcing it.</summary>
sealed class InAppChannel : INotificationChannel
{
    public OutboxChannel Channel => OutboxChannel.InApp;

    public bool IsEnabled => true;

    public bool DeliveredWithChange => true;

    public Task SendAsync(Guid id, OutboxMessage message, CancellationToken ct) => Task.CompletedTask;
}
