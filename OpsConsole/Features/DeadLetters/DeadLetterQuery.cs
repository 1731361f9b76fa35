using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Audit;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.DeadLetters;

/// <summary>Reads dead letters for the pages and the API: paged lists, fingerprint groups, one record and its history.</summary>
public sealed class DeadLetterQuery(IDbContextFactory<OpsDbContext> dbs)
{
    public const int MaxPageSize = 200;
    /// <summary>Groups shown at once; more distinct failures than this is a case for filters, not scrolling.</summary>
    public const int MaxGroups = 500;
    const int MaxTimeline = 200;

    public async Task<DeadLetterRows> ListAsync(DeadLetterFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        pageSize = Math.Min(pageSize, MaxPageSize);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = filter.Apply(db.DeadLetters.AsNoTracking());
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(d => d.LastFailedAt).ThenByDescending(d => d.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new DeadLetterRows(items, total);
    }

    public async Task<IReadOnlyList<DeadLetterGroup>> GroupsAsync(DeadLetterFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var groups = await filter.Apply(db.DeadLetters.AsNoTracking())
            .GroupBy(d => d.Fingerprint)
            .Select(g => new
            {
                g.Key,
                Operation = g.Max(d => d.Operation),
                ExceptionType = g.Max(d => d.ExceptionType),
                Sample = g.Max(d => d.ReasonMessage),
                Count = g.Count(),
                FirstSeen = g.Min(d => d.FirstFailedAt),
                LastSeen = g.Max(d => d.LastFailedAt),
            })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastSeen)
            .Take(MaxGroups)
            .ToListAsync(ct);
        return [.. groups.Select(g => new DeadLetterGroup(g.Key, g.Operation ?? "", g.ExceptionType, g.Sample ?? "", g.Count, g.FirstSeen, g.LastSeen))];
    }

    public async Task<int> UnresolvedCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.DeadLetters.CountAsync(d => d.Status == DeadLetterStatus.Unresolved, ct);
    }

    public async Task<DeadLetter?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.DeadLetters.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
    }

    public async Task<IReadOnlyList<DeadLetterAction>> HistoryAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.DeadLetterActions.AsNoTracking().Where(a => a.DeadLetterId == id).OrderBy(a => a.Id).ToListAsync(ct);
    }

    /// <summary>The aggregate's audit events, newest last, as far back as the page has room for.</summary>
    public async Task<IReadOnlyList<AuditEvent>> TimelineAsync(string aggregateType, string aggregateId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var newest = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == aggregateType && e.SubjectId == aggregateId)
            .OrderByDescending(e => e.Id).Take(MaxTimeline).ToListAsync(ct);
        newest.Reverse();
        return newest;
    }
}
