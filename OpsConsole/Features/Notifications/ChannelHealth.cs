using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

/// <summary>Counts each outbound channel's deliveries in the outbox, in one grouped query.</summary>
sealed class ChannelHealth(IDbContextFactory<OpsDbContext> dbs, IOptions<SmtpOptions> smtp, IOptions<HookOptions> hooks, TimeProvider time)
    : IChannelHealth
{
    static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public async Task<IReadOnlyList<ChannelHealthView>> ReadAsync(CancellationToken ct = default)
    {
        var since = time.GetUtcNow() - Day;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.NotificationOutbox.AsNoTracking().Where(e => e.Channel != OutboxChannel.InApp)
            .GroupBy(e => e.Channel)
            .Select(g => new
            {
                Channel = g.Key,
                LastDelivered = g.Max(e => e.DeliveredAt),
                Waiting = g.Count(e => e.Status == OutboxStatus.Pending),
                Failed = g.Count(e => e.Status == OutboxStatus.Failed && e.FirstFailedAt >= since),
                LastFailed = g.Where(e => e.Status == OutboxStatus.Failed).Max(e => e.FirstFailedAt),
            })
            .ToListAsync(ct);
        (OutboxChannel Channel, string Name, bool Configured)[] channels =
        [
            (OutboxChannel.Email, "Email (SMTP)", smtp.Value.IsEnabled),
            (OutboxChannel.Slack, "Slack", !string.IsNullOrWhiteSpace(hooks.Value.Slack.WebhookUrl)),
            (OutboxChannel.Webhook, "Webhook", !string.IsNullOrWhiteSpace(hooks.Value.Webhook.Url)),
        ];
        return
        [
            .. channels.Select(c => rows.SingleOrDefault(r => r.Channel == c.Channel) is { } row
                ? new ChannelHealthView(c.Name, c.Configured, row.LastDelivered, row.Waiting, row.Failed, row.LastFailed)
                : new ChannelHealthView(c.Name, c.Configured, null, 0, 0, null)),
        ];
    }
}
