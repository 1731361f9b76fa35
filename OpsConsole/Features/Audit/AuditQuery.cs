using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Audit;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Audit;

/// <summary>
/// Reads audit events for people: filtered, bounded above by an id so a listing is a stable snapshot, and always
/// ordered by id so the primary key and the (subject, id) and (actor, id) indexes serve the order.
/// </summary>
public sealed class AuditQuery(IDbContextFactory<OpsDbContext> dbs)
{
    /// <summary>The newest event's id, or 0 when the trail is empty.</summary>
    public async Task<long> LatestIdAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.AuditEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
    }

    public async Task<int> CountAsync(AuditFilter filter, long throughId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await filter.Apply(db.AuditEvents).CountAsync(e => e.Id <= throughId, ct);
    }

    /// <summary>Newest first, below <paramref name="beforeId"/>, after skipping <paramref name="skip"/> matches.</summary>
    public async Task<List<AuditEvent>> NewestFirstAsync(AuditFilter filter, long beforeId, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await filter.Apply(db.AuditEvents.AsNoTracking()).Where(e => e.Id < beforeId)
            .OrderByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(ct);
    }

    /// <summary>Oldest first, up to <paramref name="throughId"/>: the cheap way to reach the last pages of a long listing.</summary>
    public async Task<List<AuditEvent>> OldestFirstAsync(AuditFilter filter, long throughId, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await filter.Apply(db.AuditEvents.AsNoTracking()).Where(e => e.Id <= throughId)
            .OrderBy(e => e.Id).Skip(skip).Take(take).ToListAsync(ct);
    }

    /// <summary>Every match below <paramref name="beforeId"/>, newest first, read in keyset batches so memory stays bounded.</summary>
    public async IAsyncEnumerable<AuditEvent> StreamNewestFirstAsync(
        AuditFilter filter, long beforeId, int batchSize, [EnumeratorCancellation] CancellationToken ct = default)
    {
        while (true)
        {
            var batch = await NewestFirstAsync(filter, beforeId, 0, batchSize, ct);
            foreach (var e in batch)
                yield return e;
            if (batch.Count < batchSize)
                yield break;
            beforeId = batch[^1].Id;
        }
    }
}
