using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

sealed class EmailRedelivery(NotificationDispatcher dispatcher) : NotificationRedelivery(dispatcher, OutboxChannel.Email);
