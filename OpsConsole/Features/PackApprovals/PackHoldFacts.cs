using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Features.Alerts;
using OpsConsole.Features.Alerts.Rules;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.PackApprovals;

/// <summary>The latest hold of each run and gate kept (pack_policy_holds), with the run's later approvals and the last
/// acknowledgement of an alert on it (ops_alerts).</summary>
sealed class PackHoldFacts(IOptions<PackApprovalOptions> options) : IAlertFacts<IReadOnlyList<PackHoldFact>>
{
    public async Task<IReadOnlyList<PackHoldFact>> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - options.Value.RetainFor;
        var holds = await db.PackHolds.AsNoTracking().Where(h => h.ReceivedAt >= since)
            .GroupBy(h => new { h.Tenant, h.RunId, h.Gate })
            .Select(g => g.OrderByDescending(h => h.ReceivedAt).First())
            .ToListAsync(ct);
        if (holds.Count == 0)
            return [];
        var runs = holds.Select(h => h.RunId).Distinct().ToList();
        var movedOn = await db.PackApprovals.AsNoTracking().Where(p => runs.Contains(p.RunId))
            .GroupBy(p => new { p.Tenant, p.RunId })
            .Select(g => new { g.Key.Tenant, g.Key.RunId, At = g.Max(p => p.UpdatedAt) })
            .ToListAsync(ct);
        var acknowledged = await AlertAcknowledgements.LastByScopeAsync(db, rule, ct);
        return
        [
            .. holds.Select(h => new PackHoldFact(h.Tenant, h.RunId, h.Gate, h.Messages, h.OccurredAt, h.ReceivedAt,
                movedOn.FirstOrDefault(m => m.Tenant == h.Tenant && m.RunId == h.RunId)?.At,
                acknowledged.GetValueOrDefault($"{h.Tenant}/{h.RunId}/{h.Gate}"))),
        ];
    }
}
