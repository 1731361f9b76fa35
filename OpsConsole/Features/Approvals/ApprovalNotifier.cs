using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Writes the outbox rows for a change's notices, in its transaction: each person in-app (when they have an account)
/// and by email, and the Slack and webhook targets once per event; channels that are off are skipped by the outbox.
/// Quiet hours are not applied here: there is no per-user quiet-hours setting stored yet, so nothing is held back.
/// </summary>
public sealed class ApprovalNotifier(Outbox outbox, ApprovalRecipients recipients, IOptions<ApprovalNotifyOptions> options, TimeProvider time)
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
            foreach (var person in await recipients.ResolveAsync(db, notice.Audience, ct))
            {
                if (person.UserId is { } userId && await outbox.EnqueueAsync(db, Message(OutboxChannel.InApp, userId), ct))
                    written++;
                if (await outbox.EnqueueAsync(db, Message(OutboxChannel.Email, person.Email), ct))
                    written++;
            }
            if (await outbox.EnqueueAsync(db, Message(OutboxChannel.Slack, SlackRecipient), ct))
                written++;
            if (await outbox.EnqueueAsync(db, Message(OutboxChannel.Webhook, WebhookRecipient), ct))
                written++;
        }
        return written;
    }
}
