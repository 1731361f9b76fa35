using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts.Rules;

/// <summary>The liquidity actions not yet final, from liquidity_actions_current (its partial index holds only those).</summary>
sealed class LiquidityActionFacts : IAlertFacts<IReadOnlyList<LiquidityActionFact>>
{
    static readonly string[] Final = ["settled", "failed", "cancelled"];

    public async Task<IReadOnlyList<LiquidityActionFact>> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.LiquidityActionsCurrent.AsNoTracking().Where(a => !Final.Contains(a.Status)).ToListAsync(ct);
        return
        [
            .. open.Select(a => new LiquidityActionFact(a.ActionId, a.Kind, a.Asset, a.Amount,
                Enum.Parse<LiquidityActionStatus>(a.Status, ignoreCase: true), a.FirstAt, a.LastAt)),
        ];
    }
}
