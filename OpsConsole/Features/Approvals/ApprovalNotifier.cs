using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Writes the outbox rows for a change's notices, in its transaction: each person in-app (when they have an account)
/// and by email, and the Slack and webhook targets once per event; channels that are off are skipped by the outbox.
/// Email to someone in their quiet hours waits until they end, unless the event is Critical.
/// </summary>
public sealed class ApprovalNotifier(
    Outbox outbox,
    ApprovalRecipients recipients,
    IRecipientQuietHours quietHours,
    IOptions<ApprovalNotifyOptions> options,
    TimeProvider time)
{
    public const string SlackRecipient = "slack";
    public const string WebhookRecipient = "webhook";

    public async Task<int> StageAsync(OpsDbContext db, ApprovalRequest request, IReadOnlyList<ApprovalNotice> notices, string actor,
        string? reason, CancellationToken ct)
    {
        var written = 0;
        var now = time.GetUtcNow();
        var model = NotificationModel.From(request, actor, reason, options.Value.BaseUrl);
        foreach (var notice in notices)
        {
            var rendered = NotificationTemplates.Render(notice.EventKey, model);
            OutboxMessage Message(OutboxChannel channel, string recipient) => new(channel, recipient, ApprovalAuditActions.SubjectType,
                request.Id.ToString(), notice.EventKey, notice.Class.ToString(), rendered.Title, rendered.Text, now,
                rendered.Html, rendered.SlackMrkdwn, model.Link);
            var people = await recipients.ResolveAsync(db, notice.Audience, ct);
            var quiet = await quietHours.ForUsersAsync(db, [.. people.Select(p => p.UserId).OfType<string>()], ct);
            foreach (var person in people)
            {
                // The bell is never held: it makes no sound, and the person sees it when they next look.
                if (person.UserId is { } userId && await outbox.EnqueueAsync(db, Message(OutboxChannel.InApp, userId), ct))
                    written++;
                var plan = DeliveryPlan.For(notice.Class, NotificationChannel.Email,
                    person.UserId is { } id ? quiet.GetValueOrDefault(id) : null, now);
                var email = Message(OutboxChannel.Email, person.Email) with { NotBefore = plan.Held ? plan.SendAt : null };
                if (await outbox.EnqueueAsync(db, email, ct))
                    written++;
            }
            // Slack and the webhook reach a team, not one person, so no one's quiet hours hold them back.
            if (await outbox.EnqueueAsync(db, Message(OutboxChannel.Slack, SlackRecipient), ct))
                written++;
            if (await outbox.EnqueueAsync(db, Message(OutboxChannel.Webhook, WebhookRecipient), ct))
                written++;
        }
        return written;
    }
}
