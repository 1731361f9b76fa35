using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Notifications;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Features.Approvals;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// Renders the notices that the enabled routing rules matching an event send, inside the event's own transaction: each
/// rule's people in-app and by email, Slack and the webhook once, all in the rule's language. Where two rules reach the
/// same person on the same channel, the outbox keeps the lower-ordered rule's notice, and a repeat of the event sends
/// nothing again (its outbox id is the same).
/// </summary>
public sealed class PackNoticeRouter(PackRecipients recipients, IOptions<PackApprovalOptions> options, TimeProvider time)
{
    /// <summary>Notices about a requested approval, on its request (so the request page lists them with the others).
    /// <paramref name="resumeToken"/> is masked should the event have put it into its message.</summary>
    public Task<RoutedNotices> ForApprovalAsync(OpsDbContext db, PackApproval approval, string resumeToken, CancellationToken ct) =>
        RouteAsync(db, PackRouteKinds.Approval, approval.Tenant, approval.RequiredGrants, PackNotificationEvents.ApprovalRequested,
            PackNotificationModel.ForApproval(approval, options.Value.LinkTo(approval.RequestId)),
            ApprovalAuditActions.SubjectType, approval.RequestId.ToString(), [resumeToken], ct);

    /// <summary>Notices about a policy hold, one set per hold event; they link to the alerts, where its alert stands.</summary>
    public Task<RoutedNotices> ForHoldAsync(OpsDbContext db, PackHold hold, CancellationToken ct) =>
        RouteAsync(db, PackRouteKinds.PolicyHold, hold.Tenant, [], PackNotificationEvents.PolicyHold,
            PackNotificationModel.ForHold(hold, options.Value.AlertsLink),
            PackAuditActions.HoldSubjectType, $"{hold.Tenant}/{hold.RunId}/{hold.Gate}/{hold.EventId}", [], ct);

    async Task<RoutedNotices> RouteAsync(OpsDbContext db, string kind, string tenant, IReadOnlyCollection<string> grants, string eventKey,
        PackNotificationModel model, string subjectType, string subjectId, IReadOnlyCollection<string> withheld, CancellationToken ct)
    {
        var candidates = await TransactionReads.OnceAsync(db, (nameof(PackNoticeRouter), kind),
            () => db.PackRoutingRules.AsNoTracking().Where(r => r.Enabled && r.EventKind == kind).ToListAsync(ct));
        var rules = PackRouting.Matching(candidates, kind, tenant, grants);
        var eventClass = PackNotificationEvents.ClassOf(eventKey);
        var now = time.GetUtcNow();
        List<OutboxMessage> messages = [];
        foreach (var rule in rules)
        {
            var rendered = PackNotificationTemplates.Render(eventKey, rule.Locale, model, withheld);
            OutboxMessage Message(OutboxChannel channel, string recipient) => new(channel, recipient, subjectType, subjectId, eventKey,
                eventClass.ToString(), rendered.Title, rendered.Text, now, channel == OutboxChannel.Email ? rendered.Html : null,
                channel == OutboxChannel.Slack ? rendered.SlackMrkdwn : null, model.Link);
            var people = rule.Channels.Any(c => c is NotificationChannel.InApp or NotificationChannel.Email)
                ? await recipients.ResolveAsync(db, rule, ct)
                : [];
            foreach (var channel in rule.Channels)
                messages.AddRange(channel switch
                {
                    NotificationChannel.InApp => people.Select(p => Message(OutboxChannel.InApp, p.UserId!)),
                    // Email waits out a person's quiet hours, as the request's own notices do.
                    NotificationChannel.Email => people.Select(p => Message(OutboxChannel.Email, p.Email) with
                    {
                        NotBefore = DeliveryPlan.For(eventClass, channel, p.Quiet, now) is { Held: true } plan ? plan.SendAt : null,
                    }),
                    NotificationChannel.Slack => [Message(OutboxChannel.Slack, ApprovalNotifier.SlackRecipient)],
                    NotificationChannel.Webhook => [Message(OutboxChannel.Webhook, ApprovalNotifier.WebhookRecipient)],
                    _ => [],
                });
        }
        return new RoutedNotices(messages, [.. rules.Select(r => r.Id)]);
    }
}
