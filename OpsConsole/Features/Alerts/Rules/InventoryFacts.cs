using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts.Rules;

/// <summary>The newest snapshot of each account and asset, from inventory_current.</summary>
sealed class InventoryFacts : IAlertFacts<IReadOnlyList<InventoryFact>>
{
    public async Task<IReadOnlyList<InventoryFact>> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct) =>
        await db.InventoryCurrent.AsNoTracking()
            .Select(s => new InventoryFact(s.Account, s.Asset, s.Spendable, s.PendingInbound, s.AsOf, s.ReceivedAt)).ToListAsync(ct);
}
