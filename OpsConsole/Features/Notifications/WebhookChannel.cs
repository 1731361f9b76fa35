using Microsoft.Extensions.Options;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

/// <summary>The generic JSON webhook; the id travels in the body and in X-Ops-Event-Id, so a receiver can dedup either way.</summary>
sealed class WebhookChannel(IHttpClientFactory clients, IOptions<HookOptions> options) : INotificationChannel
{
    public const string EventIdHeader = "X-Ops-Event-Id";

    public OutboxChannel Channel => OutboxChannel.Webhook;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.Webhook.Url);

    public Task SendAsync(Guid id, OutboxMessage message, CancellationToken ct) =>
        HookPost.SendAsync(clients, "Webhook", options.Value.Webhook.Url!, WebhookNotification.From(id, message),
            r => r.Headers.Add(EventIdHeader, id.ToString()), ct);
}
