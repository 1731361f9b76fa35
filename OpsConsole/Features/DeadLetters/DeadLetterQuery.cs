using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpsConsole.Domain.Audit;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.DeadLetters;

/// <summary>Reads dead letters for the pages and the API: paged lists, fingerprint groups, one record and its history.</summary>
public sealed class DeadLetterQuery(IDbContextFactory<OpsDbContext> dbs, TimeProvider time) : IUnresolvedDeadLetters, IDeadLetterTrend
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
        // Counted per fingerprint alone, which the (status, fingerprint) index covers; the operation, exception type and
        // a sample reason come after, one index probe per group (the fingerprint hashes the first two, so any row will do).
        var groups = await filter.Apply(db.DeadLetters.AsNoTracking())
            .GroupBy(d => d.Fingerprint)
            .Select(g => new
            {
                Fingerprint = g.Key,
                Count = g.Count(),
                Occurrences = g.Sum(d => d.Occurrences),
                FirstSeen = g.Min(d => d.FirstFailedAt),
                LastSeen = g.Max(d => d.LastFailedAt),
            })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.LastSeen)
            .Take(MaxGroups)
            .ToListAsync(ct);
        var samples = await SamplesAsync(db, [.. groups.Select(g => g.Fingerprint)], ct);
        return [.. groups.Select(g =>
        {
            var s = samples.GetValueOrDefault(g.Fingerprint);
            return new DeadLetterGroup(g.Fingerprint, s.Operation ?? "", s.ExceptionType, s.Reason ?? "", g.Count, g.Occurrences, g.FirstSeen, g.LastSeen);
        })];
    }

    static async Task<Dictionary<string, (string? Operation, string? ExceptionType, string? Reason)>> SamplesAsync(
        OpsDbContext db, string[] fingerprints, CancellationToken ct)
    {
        var samples = new Dictionary<string, (string?, string?, string?)>(StringComparer.Ordinal);
        if (fingerprints.Length == 0)
            return samples;
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT k.fp, s.operation, s.exception_type, s.reason_message
            FROM unnest(@fps) AS k(fp)
            CROSS JOIN LATERAL (SELECT operation, exception_type, reason_message FROM dead_letters d WHERE d.fingerprint = k.fp LIMIT 1) s
            """, conn);
        cmd.Parameters.AddWithValue("fps", fingerprints);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            samples[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3));
        return samples;
    }

    public async Task<int> UnresolvedCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.DeadLetters.CountAsync(d => d.Status == DeadLetterStatus.Unresolved, ct);
    }

    public async Task<IReadOnlyList<DeadLetterSourceCount>> UnresolvedBySourceAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await db.DeadLetters.AsNoTracking().Where(d => d.Status == DeadLetterStatus.Unresolved)
            .GroupBy(d => d.Source)
            .Select(g => new DeadLetterSourceCount(g.Key, g.Count(), g.Min(d => d.FirstFailedAt)))
            .ToListAsync(ct);
        return [.. counts.OrderByDescending(c => c.Unresolved).ThenBy(c => c.Source, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<DeadLetterDay>> OpenedPerDayAsync(int days, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var first = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - days);
        var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var opened = await db.DeadLetters.AsNoTracking().Where(d => d.FirstFailedAt >= since)
            .Select(d => new { d.Source, d.FirstFailedAt }).ToListAsync(ct);
        return
        [
            .. opened.GroupBy(d => (Day: DateOnly.FromDateTime(d.FirstFailedAt.UtcDateTime), d.Source))
                .Select(g => new DeadLetterDay(g.Key.Day, g.Key.Source, g.Count()))
                .OrderBy(d => d.Day).ThenBy(d => d.Source, StringComparer.Ordinal),
        ];
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
