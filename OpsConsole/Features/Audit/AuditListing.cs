using OpsConsole.Domain.Audit;

namespace OpsConsole.Features.Audit;

/// <summary>
/// One person's view of the trail under one filter, newest first, frozen at the newest id when it was opened so pages
/// do not shift while events arrive. Pages are found by keyset from the nearest page already seen, or counted from
/// the oldest end when that is nearer, so neither paging forward nor jumping to the last page scans the whole trail.
/// </summary>
public sealed class AuditListing(AuditQuery query, AuditFilter filter)
{
    // Position in the listing → exclusive upper id bound of the rows from that position on.
    readonly SortedDictionary<int, long> boundaries = [];
    long throughId;
    int? total;

    public AuditFilter Filter => filter;

    public async Task<AuditRows> PageAsync(int page, int pageSize, CancellationToken ct = default)
    {
        if (total is null)
        {
            throughId = await query.LatestIdAsync(ct);
            boundaries[0] = throughId + 1;
            total = await query.CountAsync(filter, throughId, ct);
        }
        var start = page * pageSize;
        var take = Math.Min(pageSize, total.Value - start);
        if (take <= 0)
            return new([], total.Value);

        var (known, beforeId) = boundaries.Last(b => b.Key <= start);
        var fromTop = start - known;
        var fromBottom = total.Value - start - take;
        List<AuditEvent> rows;
        if (fromBottom < fromTop)
        {
            rows = await query.OldestFirstAsync(filter, throughId, fromBottom, take, ct);
            rows.Reverse();
        }
        else
            rows = await query.NewestFirstAsync(filter, beforeId, fromTop, take, ct);

        if (rows.Count > 0)
        {
            boundaries[start] = rows[0].Id + 1;
            boundaries[start + rows.Count] = rows[^1].Id;
        }
        return new(rows, total.Value);
    }
}
