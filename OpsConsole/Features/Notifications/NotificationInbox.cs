using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

/// <summary>In-app notifications are the delivered InApp rows of the outbox whose recipient is the user's id.</summary>
sealed class NotificationInbox(IDbContextFactory<OpsDbContext> contexts, TimeProvider time) : INotificationInbox
{
    public async Task<int> UnreadCountAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Mine(db, userId).CountAsync(e => e.ReadAt == null, ct);
    }

    public async Task<IReadOnlyList<InAppNotification>> LatestAsync(string userId, int count, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Mine(db, userId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(count)
            .Select(e => new InAppNotification(e.Id, e.Title, e.Text, e.Link, e.Class, e.OccurredAt, e.ReadAt != null))
            .ToListAsync(ct);
    }

    public async Task MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await Mine(db, userId).Where(e => e.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.ReadAt, now), ct);
    }

    public async Task<string?> OpenAsync(Guid id, string userId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await Mine(db, userId).Where(e => e.Id == id).Select(e => new { e.Link }).SingleOrDefaultAsync(ct);
        if (row is null)
            return null;
        await Mine(db, userId).Where(e => e.Id == id && e.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.ReadAt, now), ct);
        return row.Link ?? "";
    }

    static IQueryable<OutboxEntry> Mine(OpsDbContext db, string userId) => db.NotificationOutbox.AsNoTracking()
        .Where(e => e.Channel == OutboxChannel.InApp && e.Recipient == userId && e.Status == OutboxStatus.Delivered);
}
