using Microsoft.Extensions.Options;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

/// <summary>A Slack incoming webhook: <c>{ "text": … }</c> in Slack's own markup when the message has it.</summary>
sealed class SlackChannel(IHttpClientFactory clients, IOptions<HookOptions> options) : INotificationChannel
{
    public OutboxChannel Channel => OutboxChannel.Slack;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.Slack.WebhookUrl);

    public Task SendAsync(Guid id, OutboxMessage message, CancellationToken ct) =>
        HookPost.SendAsync(clients, "Slack", options.Value.Slack.WebhookUrl!,
            new { text = message.SlackText ?? PlainText.WithLink(message) }, null, ct);
}
