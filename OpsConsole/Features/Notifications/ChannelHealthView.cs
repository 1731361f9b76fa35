namespace OpsConsole.Features.Notifications;

/// <summary>One outbound channel: whether it is set up, its last delivery, what waits to go, and the deliveries that
/// ran out of attempts in the last day (each of those is a dead letter). No error text: a channel's errors can carry
/// its address, and the Slack one is a credential.</summary>
public sealed record ChannelHealthView(string Channel, bool Configured, DateTimeOffset? LastDeliveredAt, int Waiting, int FailedLastDay,
    DateTimeOffset? LastFailedAt);
