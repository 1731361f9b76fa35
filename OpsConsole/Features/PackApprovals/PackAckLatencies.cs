using Microsoft.EntityFrameworkCore;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// The decisions committed since the last read, each returned once, with the time from the approval's arrival to its
/// decision. A decision's time is taken before its commit, so each read looks back a few minutes and skips what it has
/// returned; a decision made before this instance started is not returned (its histogram starts empty, as Prometheus
/// expects of a restart).
/// </summary>
public sealed class PackAckLatencies(TimeProvider time)
{
    static readonly TimeSpan LookBack = TimeSpan.FromMinutes(5);

    readonly DateTimeOffset startedAt = time.GetUtcNow();
    readonly Dictionary<Guid, DateTimeOffset> returned = [];
    readonly SemaphoreSlim gate = new(1, 1);
    DateTimeOffset lastRead = time.GetUtcNow();

    public sealed record Latency(string Tenant, TimeSpan Elapsed);

    public async Task<IReadOnlyList<Latency>> NewAsync(OpsDbContext db, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var since = lastRead - LookBack < startedAt ? startedAt : lastRead - LookBack;
            var now = time.GetUtcNow();
            var decided = await db.PackApprovals.AsNoTracking().Where(p => p.DecidedAt >= since)
                .Select(p => new { p.Id, p.Tenant, p.CreatedAt, DecidedAt = p.DecidedAt!.Value })
                .ToListAsync(ct);
            var fresh = decided.Where(d => returned.TryAdd(d.Id, d.DecidedAt))
                .Select(d => new Latency(d.Tenant, d.DecidedAt - d.CreatedAt)).ToList();
            lastRead = now;
            // What the next read cannot see again need not be remembered.
            foreach (var id in returned.Where(r => r.Value < now - LookBack).Select(r => r.Key).ToList())
                returned.Remove(id);
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }
}
