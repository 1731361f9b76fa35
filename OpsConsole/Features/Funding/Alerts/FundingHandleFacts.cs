using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Features.Alerts.Rules;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Funding.Alerts;

/// <summary>The active handles the observer reads (on Bitcoin and on Gnosis, one job polling both every Bitcoin:PollInterval),
/// each with its health (funding_observer_health), and whether the observer is paused (funding_observer_state).</summary>
sealed class FundingHandleFacts : IAlertFacts<IReadOnlyList<FundingHandleFact>>
{
    public async Task<IReadOnlyList<FundingHandleFact>> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var handles = await db.FundingHandles.AsNoTracking().Where(h => h.Active).ToListAsync(ct);
        if (handles.Count == 0)
            return [];
        var paused = await db.FundingObserverState.AsNoTracking().AnyAsync(s => s.Paused, ct);
        var ids = handles.Select(h => h.Id).ToList();
        var health = await db.FundingObserverHealth.AsNoTracking().Where(x => ids.Contains(x.FundingHandle)).ToDictionaryAsync(x => x.FundingHandle, ct);
        FundingHandleFact Fact(FundingHandle h, FundingObserverHealth? x) =>
            new(h.Id, h.Label, h.Asset, h.Account, h.UpdatedAt, x?.LastGoodPollAt, x?.LastErrorAt, x?.LastError, paused);
        return [.. handles.Select(h => Fact(h, health.GetValueOrDefault(h.Id)))];
    }
}
