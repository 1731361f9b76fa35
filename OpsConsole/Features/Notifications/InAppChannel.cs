using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

/// <summary>The bell: the outbox row is the notification, so delivering it only marks it delivered and announces it.</summary>
sealed class InAppChannel : INotificationChannel
{
    public OutboxChannel Channel => OutboxChannel.InApp;

    public bool IsEnabled => true;

    public Task SendAsync(Guid id, OutboxMessage message, CancellationToken ct) => Task.CompletedTask;
}
