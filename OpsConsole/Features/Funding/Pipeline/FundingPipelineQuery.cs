using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Funding;
using OpsConsole.Platform.Data;
using static OpsConsole.Domain.Funding.FundingObservationStatus;

namespace OpsConsole.Features.Funding.Pipeline;

/// <summary>Reads the pipeline from funding_observations_current in one grouped query, on a connection of its own, for
/// every asset of an active handle and every asset with a transfer in a stage.</summary>
public sealed class FundingPipelineQuery(IDbContextFactory<OpsDbContext> dbs, TimeProvider time) : IFundingPipeline
{
    public async Task<FundingPipeline> ReadAsync(CancellationToken ct = default)
    {
        var since = time.GetUtcNow() - FundingPipeline.CreditedWithin;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var totals = await db.FundingObservationsCurrent.AsNoTracking()
            .Where(t => t.Status == SeenInMempool || t.Status == Confirming || t.Status == Confirmed
                || t.Status == Credited && (t.CreditedAt ?? t.ObservedAt) >= since)
            .GroupBy(t => new { t.AssetId, t.Status })
            .Select(g => new { g.Key.AssetId, g.Key.Status, Transfers = g.Count(), Amount = g.Sum(t => t.Amount) })
            .ToListAsync(ct);
        var handled = await db.FundingHandles.AsNoTracking().Where(h => h.Active).Select(h => h.Asset).Distinct().ToListAsync(ct);
        var paused = await db.FundingObserverState.AsNoTracking().AnyAsync(s => s.Paused, ct);

        FundingStage Stage(string asset, string status) => totals.FirstOrDefault(t => t.AssetId == asset && t.Status == status) is { } t
            ? new FundingStage(status, t.Transfers, t.Amount)
            : new FundingStage(status, 0, 0m);
        return new FundingPipeline(
            [.. handled.Concat(totals.Select(t => t.AssetId)).Distinct().Order(StringComparer.Ordinal)
                .Select(a => new FundingAssetPipeline(a, Stage(a, SeenInMempool), Stage(a, Confirming), Stage(a, Confirmed), Stage(a, Credited)))],
            paused);
    }
}
