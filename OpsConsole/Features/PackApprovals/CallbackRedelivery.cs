using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.PackApprovals;

/// <summary>The retry of a dead-lettered resume call from the remediation page: the same call, once more, now.</summary>
sealed class CallbackRedelivery(NotificationDispatcher dispatcher) : NotificationRedelivery(dispatcher, OutboxChannel.Callback);
