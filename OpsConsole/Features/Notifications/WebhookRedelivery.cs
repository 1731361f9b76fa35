using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

sealed class WebhookRedelivery(NotificationDispatcher dispatcher) : NotificationRedelivery(dispatcher, OutboxChannel.Webhook);
