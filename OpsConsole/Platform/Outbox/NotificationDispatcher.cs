using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Retries;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Platform.Outbox;

/// <summary>
/// Delivers due outbox rows. A batch is claimed in one statement (<c>FOR UPDATE SKIP LOCKED</c>) that pushes the rows'
/// next attempt past the claim timeout, so no other dispatcher takes them while they are sent, and no transaction
/// stays open across the network. The rows of a batch that got through are marked delivered together, in one commit.
/// A failure waits RetryBaseDelay × 2^(attempts−1); the last allowed failure turns the row Failed and writes one dead
/// letter.
/// </summary>
public sealed class NotificationDispatcher(
    IDbContextFactory<OpsDbContext> contexts,
    IEnumerable<INotificationChannel> channels,
    DeadLetterWriter deadLetters,
    LiveAnnouncer announcer,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> log)
{
    public const string AggregateType = "notification";

    readonly Dictionary<OutboxChannel, INotificationChannel> byChannel = channels.ToDictionary(c => c.Channel);

    public static string OperationFor(OutboxChannel channel) => $"notification.deliver.{channel.ToString().ToLowerInvariant()}";

    /// <summary>Delivers every row due now, batch by batch; returns how many rows were tried.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var tried = 0;
        while (true)
        {
            var batch = await ClaimAsync(ct);
            List<OutboxEntry> delivered = [];
            try
            {
                foreach (var row in batch)
                    if (await DeliverAsync(row, ct))
                        delivered.Add(row);
            }
            finally
            {
                // One statement and one commit for the batch's deliveries, not a transaction per row; also when stopped
                // midway, so that what went out is not sent again.
                await MarkDeliveredAsync(delivered, OutboxStatus.Pending, CancellationToken.None);
            }
            foreach (var row in delivered)
            {
                OutboxMetrics.CountSent(row);
                NotificationLog.Delivered(log, row.Id, row.Channel, row.EventKey, row.Attempts + 1);
            }
            tried += batch.Count;
            if (batch.Count < options.Value.BatchSize)
                return tried;
        }
    }

    /// <summary>When the next Pending row is due (a claimed row counts from the end of its claim), or, given
    /// <paramref name="after"/>, the next after it; null when none waits.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset? after = null, CancellationToken ct = default)
    {
        var from = after ?? DateTimeOffset.MinValue;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.NotificationOutbox.Where(e => e.Status == OutboxStatus.Pending && e.NextAttemptAt > from)
            .MinAsync(e => (DateTimeOffset?)e.NextAttemptAt, ct);
    }

    /// <summary>Sends a Failed row once more, now; the retry of its dead letter.</summary>
    public async Task<RetryResult> RedeliverAsync(Guid id, CancellationToken ct = default)
    {
        OutboxEntry? row;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            row = await db.NotificationOutbox.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (row is null)
            return RetryResult.Failure($"Notification {id} is no longer in the outbox.");
        if (row.Status == OutboxStatus.Delivered)
            return RetryResult.Success();
        if (await TrySendAsync(row, ct) is { } error)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.NotificationOutbox.Where(e => e.Id == id && e.Status != OutboxStatus.Delivered).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                .SetProperty(e => e.LastError, error.Message), ct);
            return RetryResult.Failure($"{row.Channel} delivery failed again: {error.Message}");
        }
        await MarkDeliveredAsync([row], fromStatus: null, ct);
        OutboxMetrics.CountSent(row);
        return RetryResult.Success();
    }

    async Task<List<OutboxEntry>> ClaimAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.ClaimTimeout;
        var size = options.Value.BatchSize;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.NotificationOutbox.FromSql($"""
            UPDATE notification_outbox SET next_attempt_at = {until}
            WHERE id IN (
                SELECT id FROM notification_outbox
                WHERE status = 'Pending' AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {size}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>Sends the row; true when it got through (the caller marks it delivered), else its failure is written.</summary>
    async Task<bool> DeliverAsync(OutboxEntry row, CancellationToken ct)
    {
        if (await TrySendAsync(row, ct) is not { } error)
            return true;
        var now = time.GetUtcNow();
        var attempts = row.Attempts + 1;
        var firstFailedAt = row.FirstFailedAt ?? now;
        var settings = options.Value;
        if (attempts < settings.MaxAttempts)
        {
            var retryAt = now + RetryDelay.Exponential(settings.RetryBaseDelay, attempts);
            await UpdateFailedAsync(row.Id, OutboxStatus.Pending, attempts, error.Message, firstFailedAt, retryAt, ct);
            NotificationLog.WillRetry(log, row.Id, row.Channel, row.EventKey, attempts, settings.MaxAttempts, retryAt, error.Message);
            return false;
        }
        // The dead letter first: if marking the row fails after it, staff still see the failure; the reverse could lose it.
        var work = new TransitionContext(AggregateType, row.Id.ToString(), OperationFor(row.Channel), DeadLetterSources.Dispatcher,
            row.Id.ToString(), Payload(row));
        var reason = $"Gave up delivering by {row.Channel} after {attempts} attempt(s); the last failed with: {error.Message}";
        await deadLetters.WriteAsync(work,
            new TransitionFailure(nameof(OutboxStatus.Pending), nameof(OutboxStatus.Delivered), reason, error, attempts, firstFailedAt, now),
            CancellationToken.None);
        await UpdateFailedAsync(row.Id, OutboxStatus.Failed, attempts, error.Message, firstFailedAt, now, CancellationToken.None);
        OutboxMetrics.CountFailed(row);
        return false;
    }

    /// <summary>Null when the message got through; else the error, with the cancellation of the caller passed on.</summary>
    async Task<Exception?> TrySendAsync(OutboxEntry row, CancellationToken ct)
    {
        try
        {
            if (!byChannel.TryGetValue(row.Channel, out var channel) || !channel.IsEnabled)
                throw new InvalidOperationException($"The {row.Channel} channel is off: its settings under Notifications are empty.");
            await channel.SendAsync(row.Id, row.ToMessage(), ct);
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    async Task MarkDeliveredAsync(IReadOnlyCollection<OutboxEntry> rows, OutboxStatus? fromStatus, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        var now = time.GetUtcNow();
        var ids = rows.Select(r => r.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.NotificationOutbox
            .Where(e => ids.Contains(e.Id) && (fromStatus == null || e.Status == fromStatus))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, OutboxStatus.Delivered)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                .SetProperty(e => e.DeliveredAt, now)
                .SetProperty(e => e.LastError, (string?)null), ct);
        // The bells of the recipients refresh when this commits: one change per person, in one NOTIFY.
        await announcer.AnnounceAsync(db, [.. rows.Where(r => r.Channel == OutboxChannel.InApp).Select(r => r.Recipient).Distinct()
            .Select(recipient => new LiveChange(LiveTopics.Notifications, LiveChange.Created, recipient))], ct);
        await tx.CommitAsync(ct);
    }

    async Task UpdateFailedAsync(Guid id, OutboxStatus status, int attempts, string error, DateTimeOffset firstFailedAt,
        DateTimeOffset nextAttemptAt, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.NotificationOutbox.Where(e => e.Id == id && e.Status == OutboxStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, status)
            .SetProperty(e => e.Attempts, attempts)
            .SetProperty(e => e.LastError, Truncate(error))
            .SetProperty(e => e.FirstFailedAt, firstFailedAt)
            .SetProperty(e => e.NextAttemptAt, nextAttemptAt), ct);
    }

    /// <summary>What the dead letter shows and what its retry needs to identify the message; no settings, no secrets.</summary>
    static JsonObject Payload(OutboxEntry row) => new()
    {
        ["id"] = row.Id.ToString(),
        ["channel"] = row.Channel.ToString(),
        ["recipient"] = row.Recipient,
        ["subject_type"] = row.SubjectType,
        ["subject_id"] = row.SubjectId,
        ["event_key"] = row.EventKey,
        ["class"] = row.Class,
        ["title"] = row.Title,
        ["text"] = row.Text,
        ["link"] = row.Link,
        ["occurred_at"] = row.OccurredAt.ToUniversalTime().ToString("O"),
    };

    static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
