namespace OpsConsole.Features.Notifications;

/// <summary>How each outbound channel (email, Slack, the webhook) is doing, for pages that show the console's links to
/// the outside without reading the outbox.</summary>
public interface IChannelHealth
{
    Task<IReadOnlyList<ChannelHealthView>> ReadAsync(CancellationToken ct = default);
}
