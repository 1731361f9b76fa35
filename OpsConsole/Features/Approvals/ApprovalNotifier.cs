using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Renders the messages for a change's notices: each person in-app (when they have an account) and by email, and the
/// Slack and webhook targets once per event, each with the forms its channel sends; the outbox skips channels that are off. Email to someone in their quiet
/// hours waits until they end, unless the event is Critical.
/// </summary>
public sealed class ApprovalNotifier(
    ApprovalRecipients recipients,
    IOptions<ApprovalNotifyOptions> options,
    TimeProvider time)
{
    public const string SlackRecipient = "slack";
    public const string WebhookRecipient = "webhook";

    public async Task<IReadOnlyList<OutboxMessage>> NoticesAsync(OpsDbContext db, ApprovalRequest request, IReadOnlyList<ApprovalNotice> notices,
        string actor, string? reason, CancellationToken ct)
    {
        List<OutboxMessage> messages = [];
        var now = time.GetUtcNow();
        var model = NotificationModel.From(request, actor, reason, options.Value.BaseUrl);
        var link = model.Link;
        foreach (var notice in notices)
        {
            var rendered = NotificationTemplates.Render(notice.EventKey, model);
            // Each row carries the forms its channel sends (HTML for email, mrkdwn for Slack): an SLA batch writes thousands.
            OutboxMessage Message(OutboxChannel channel, string recipient) => new(channel, recipient, ApprovalAuditActions.SubjectType,
                request.Id.ToString(), notice.EventKey, notice.Class.ToString(), rendered.Title, rendered.Text, now,
                channel == OutboxChannel.Email ? rendered.Html : null, channel == OutboxChannel.Slack ? rendered.SlackMrkdwn : null, link);
            foreach (var person in await recipients.ResolveAsync(db, notice.Audience, ct))
            {
                // The bell is never held: it makes no sound, and the person sees it when they next look.
                if (person.UserId is { } userId)
                    messages.Add(Message(OutboxChannel.InApp, userId));
                var plan = DeliveryPlan.For(notice.Class, NotificationChannel.Email, person.Quiet, now);
                messages.Add(Message(OutboxChannel.Email, person.Email) with { NotBefore = plan.Held ? plan.SendAt : null });
            }
            // Slack and the webhook reach a team, not one person, so no one's quiet hours hold them back.
            messages.Add(Message(OutboxChannel.Slack, SlackRecipient));
            messages.Add(Message(OutboxChannel.Webhook, WebhookRecipient));
        }
        return messages;
    }
}
