using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// A request's history for its page: its audit events merged by time with the notifications written about it. At equal
/// times an event comes before the notifications it caused, since both carry the time of the same change.
/// </summary>
public sealed class ApprovalTimeline(IDbContextFactory<OpsDbContext> dbs, IPeopleDirectory directory)
{
    /// <summary>The newest of each kind kept; a request with more has been argued over far beyond what a page can show.</summary>
    public const int MaxEach = 500;

    public async Task<IReadOnlyList<ApprovalTimelineEntry>> ReadAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var subject = id.ToString();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == ApprovalAuditActions.SubjectType && e.SubjectId == subject)
            .OrderByDescending(e => e.Id).Take(MaxEach)
            .ToListAsync(ct);
        var sent = await db.NotificationOutbox.AsNoTracking()
            .Where(n => n.SubjectType == ApprovalAuditActions.SubjectType && n.SubjectId == subject)
            .OrderByDescending(n => n.OccurredAt).Take(MaxEach)
            .ToListAsync(ct);
        // In-app rows name their recipient by user id; people read emails.
        var emails = await directory.EmailsAsync(db, [.. sent.Where(n => n.Channel == OutboxChannel.InApp).Select(n => n.Recipient).Distinct()], ct);

        var notifications = sent.Select(n => new ApprovalNotificationItem(n.OccurredAt, n.Channel,
            n.Channel == OutboxChannel.InApp ? emails.GetValueOrDefault(n.Recipient, n.Recipient) : n.Recipient,
            n.EventKey, n.Status, n.Attempts, n.DeliveredAt));
        return [.. events
            .Select(e => (At: e.OccurredAt, Kind: 0, Seq: e.Id, Tie: "",
                Entry: ApprovalTimelineEntry.Of(new ApprovalHistoryItem(e.OccurredAt, e.Actor, e.Action, e.Details))))
            .Concat(notifications.Select(n => (n.At, Kind: 1, Seq: 0L, Tie: $"{n.EventKey}\n{(int)n.Channel}\n{n.Recipient}",
                Entry: ApprovalTimelineEntry.Of(n))))
            .OrderBy(x => x.At).ThenBy(x => x.Kind).ThenBy(x => x.Seq).ThenBy(x => x.Tie, StringComparer.Ordinal)
            .Select(x => x.Entry)];
    }
}
