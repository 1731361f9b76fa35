using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

sealed class SlackRedelivery(NotificationDispatcher dispatcher) : NotificationRedelivery(dispatcher, OutboxChannel.Slack);
