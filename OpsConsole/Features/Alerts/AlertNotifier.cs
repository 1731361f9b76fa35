using Microsoft.Extensions.Options;
using OpsConsole.Domain.Alerts;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Alerts;

/// <summary>
/// The messages of a Critical alert's notice: each active holder of Alerts:NotifyRoles by email and in the bell (Critical
/// notices are never held for quiet hours), and the Slack and webhook targets once. Keyed by the alert's raised event and
/// the sending's event key, so the outbox sends each once per recipient.
/// </summary>
public sealed class AlertNotifier(IPeopleDirectory people, IOptions<AlertSettings> settings)
{
    public const string SlackRecipient = "slack";
    public const string WebhookRecipient = "webhook";

    public async Task<IReadOnlyList<OutboxMessage>> NoticesAsync(OpsDbContext db, ActiveAlert alert, DateTimeOffset now, CancellationToken ct)
    {
        var eventKey = AlertNotices.EventKey(alert.NotifyCount);
        var rendered = AlertNoticeText.Render(alert, alert.NotifyCount, settings.Value.BaseUrl);
        var link = AlertNoticeText.Link(settings.Value.BaseUrl);
        OutboxMessage Message(OutboxChannel channel, string recipient) => new(channel, recipient, AlertAuditActions.SubjectType,
            alert.EventId.ToString(), eventKey, nameof(AlertSeverity.Critical), rendered.Title, rendered.Text, now,
            channel == OutboxChannel.Email ? rendered.Html : null, channel == OutboxChannel.Slack ? rendered.SlackMrkdwn : null, link);

        var messages = new List<OutboxMessage>();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in settings.Value.NotifyRoles)
        {
            foreach (var person in await people.ActiveHoldersAsync(db, role, null, ct))
            {
                if (!reached.Add(person.UserId))
                    continue;
                messages.Add(Message(OutboxChannel.InApp, person.UserId));
                messages.Add(Message(OutboxChannel.Email, person.Email));
            }
        }
        messages.Add(Message(OutboxChannel.Slack, SlackRecipient));
        messages.Add(Message(OutboxChannel.Webhook, WebhookRecipient));
        return messages;
    }
}
