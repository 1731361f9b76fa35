using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts.Rules;

/// <summary>The newest price of each pair, from market_prices_current.</summary>
sealed class MarketPriceFacts : IAlertFacts<IReadOnlyList<PriceFact>>
{
    public async Task<IReadOnlyList<PriceFact>> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct) =>
        await db.MarketPricesCurrent.AsNoTracking()
            .Select(p => new PriceFact(p.Pair, p.Source, p.Price, p.ObservedAt, p.ReceivedAt)).ToListAsync(ct);
}
