using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Approvals;

/// <summary>A notification written about a request: where it went, for which event, and how its delivery stands.
/// The recipient is an email (in-app rows name their user by email too), or <c>slack</c> / <c>webhook</c>.</summary>
public sealed record ApprovalNotificationItem(
    DateTimeOffset At, OutboxChannel Channel, string Recipient, string EventKey, OutboxStatus Status, int Attempts, DateTimeOffset? SentAt);
