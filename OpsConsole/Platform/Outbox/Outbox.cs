using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Outbox;

/// <summary>
/// Writes notifications in the transaction of the change that caused them, so they exist exactly when the change
/// does. It never commits: the caller's commit sends them on their way, the caller's rollback takes them back. Many
/// messages go in one multi-row insert; a message already sent for its event to its recipient on its channel is skipped.
/// A message on a channel whose row is the delivery (<see cref="INotificationChannel.DeliveredWithChange"/>, the bell) is
/// written delivered: its recipient sees it when the change commits (the caller announces it with the change), and the
/// dispatcher never takes it.
/// </summary>
public sealed class Outbox(IEnumerable<INotificationChannel> channels, TimeProvider time)
{
    readonly HashSet<OutboxChannel> enabled = channels.Where(c => c.IsEnabled).Select(c => c.Channel).ToHashSet();
    readonly HashSet<OutboxChannel> deliveredWithChange = channels.Where(c => c.DeliveredWithChange).Select(c => c.Channel).ToHashSet();

    /// <summary>True when the channel has its settings; a message for a channel that is off is not written.</summary>
    public bool IsEnabled(OutboxChannel channel) => enabled.Contains(channel);

    /// <summary>
    /// Adds the message; true when a row was added, false when the channel is off or this event already went to this
    /// recipient on this channel (a repeat is a no-op, not an error).
    /// </summary>
    public async Task<bool> EnqueueAsync(OpsDbContext db, OutboxMessage message, CancellationToken ct = default) =>
        (await EnqueueAsync(db, [message], ct)).Added == 1;

    /// <summary>Adds the messages in one statement; returns how many rows were added and when the earliest of them is
    /// due (null when none is written).</summary>
    public async Task<OutboxEnqueued> EnqueueAsync(OpsDbContext db, IReadOnlyCollection<OutboxMessage> messages, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException(
                "Notifications are written in the transaction of the change that caused them; begin it before enqueueing.");
        var now = time.GetUtcNow();
        // One row per id: the id names the event, recipient and channel, so a repeat within the change is the same row.
        var rows = messages.Where(m => IsEnabled(m.Channel)).Select(m => (Id: m.Id, Message: m))
            .DistinctBy(r => r.Id).ToList();
        if (rows.Count == 0)
            return new OutboxEnqueued(0, null, []);
        DateTimeOffset NextAttempt(OutboxMessage m) => m.NotBefore?.ToUniversalTime() is { } notBefore && notBefore > now ? notBefore : now;
        NpgsqlParameter Column<T>(string name, Func<OutboxMessage, T> value) => new(name, rows.Select(r => value(r.Message)).ToArray());
        var added = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO notification_outbox (id, channel, recipient, subject_type, subject_id, event_key, class, title, text,
                html, slack_text, link, occurred_at, not_before, status, attempts, next_attempt_at, delivered_at, created_at)
            SELECT id, channel, recipient, subject_type, subject_id, event_key, class, title, text, html, slack_text, link,
                occurred_at, not_before,
                CASE WHEN delivered THEN 'Delivered' ELSE 'Pending' END, CASE WHEN delivered THEN 1 ELSE 0 END,
                next_attempt_at, CASE WHEN delivered THEN @now END, @now
            FROM unnest(@id, @channel, @recipient, @subject_type, @subject_id, @event_key, @class, @title, @text, @html,
                @slack_text, @link, @occurred_at, @not_before, @next_attempt_at, @delivered)
                AS m(id, channel, recipient, subject_type, subject_id, event_key, class, title, text, html, slack_text, link,
                    occurred_at, not_before, next_attempt_at, delivered)
            ON CONFLICT DO NOTHING
            """,
            [
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("id", rows.Select(r => r.Id).ToArray()),
                Column("channel", m => m.Channel.ToString()),
                Column("recipient", m => m.Recipient),
                Column("subject_type", m => m.SubjectType),
                Column("subject_id", m => m.SubjectId),
                Column("event_key", m => m.EventKey),
                Column("class", m => m.Class),
                Column("title", m => m.Title),
                Column("text", m => m.Text),
                Column("html", m => m.Html),
                Column("slack_text", m => m.SlackText),
                Column("link", m => m.Link),
                Column("occurred_at", m => m.OccurredAt.ToUniversalTime()),
                Column("not_before", m => m.NotBefore?.ToUniversalTime()),
                Column("next_attempt_at", NextAttempt),
                Column("delivered", m => deliveredWithChange.Contains(m.Channel)),
            ], ct);
        var queued = rows.Where(r => !deliveredWithChange.Contains(r.Message.Channel)).ToList();
        var bells = rows.Where(r => deliveredWithChange.Contains(r.Message.Channel)).Select(r => r.Message.Recipient).Distinct().ToList();
        return new OutboxEnqueued(added, queued.Count == 0 ? null : queued.Min(r => NextAttempt(r.Message)), bells);
    }
}
