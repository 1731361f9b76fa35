using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Outbox;

/// <summary>
/// Writes notifications in the transaction of the change that caused them, so they exist exactly when the change
/// does. It never commits: the caller's commit sends them on their way, the caller's rollback takes them back.
/// </summary>
public sealed class Outbox(IEnumerable<INotificationChannel> channels, TimeProvider time)
{
    readonly HashSet<OutboxChannel> enabled = channels.Where(c => c.IsEnabled).Select(c => c.Channel).ToHashSet();

    /// <summary>True when the channel has its settings; a message for a channel that is off is not written.</summary>
    public bool IsEnabled(OutboxChannel channel) => enabled.Contains(channel);

    /// <summary>
    /// Adds the message; true when a row was added, false when the channel is off or this event already went to this
    /// recipient on this channel (a repeat is a no-op, not an error).
    /// </summary>
    public async Task<bool> EnqueueAsync(OpsDbContext db, OutboxMessage message, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException(
                "Notifications are written in the transaction of the change that caused them; begin it before enqueueing.");
        if (!IsEnabled(message.Channel))
            return false;
        var now = time.GetUtcNow();
        var notBefore = message.NotBefore?.ToUniversalTime();
        var nextAttemptAt = notBefore > now ? notBefore.Value : now;
        var rows = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification_outbox (id, channel, recipient, subject_type, subject_id, event_key, class, title, text,
                html, slack_text, link, occurred_at, not_before, status, attempts, next_attempt_at, created_at)
            VALUES ({message.Id}, {message.Channel.ToString()}, {message.Recipient}, {message.SubjectType}, {message.SubjectId},
                {message.EventKey}, {message.Class}, {message.Title}, {message.Text}, {message.Html}, {message.SlackText},
                {message.Link}, {message.OccurredAt.ToUniversalTime()}, {notBefore}, {nameof(OutboxStatus.Pending)}, 0,
                {nextAttemptAt}, {now})
            ON CONFLICT DO NOTHING
            """, ct);
        return rows == 1;
    }
}
