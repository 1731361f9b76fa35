using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Funding;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Funding.State;

/// <summary>Reads the funding state from the handles, the observations' current snapshot, the observer's health and its pause.</summary>
public sealed class FundingStateQuery(IDbContextFactory<OpsDbContext> dbs, IOptions<BitcoinSettings> settings, IOptions<Gnosis.GnosisSettings> gnosis,
    TimeProvider time)
{
    public async Task<FundingStateView> StateAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var handles = await db.FundingHandles.AsNoTracking()
            .OrderByDescending(h => h.Active).ThenBy(h => h.Chain).ThenBy(h => h.Account).ThenBy(h => h.Label).ToListAsync(ct);
        var health = await db.FundingObserverHealth.AsNoTracking().ToDictionaryAsync(h => h.FundingHandle, ct);
        var transfers = await db.FundingObservationsCurrent.AsNoTracking().OrderByDescending(c => c.FirstSeenAt).ThenBy(c => c.TxHash).ToListAsync(ct);
        var state = await db.FundingObserverState.AsNoTracking().SingleAsync(s => s.Id == FundingObserverState.TheRow, ct);
        var latest = await db.FundingObservations.MaxAsync(o => (DateTimeOffset?)o.IngestedAt, ct);

        var byHandle = transfers.ToLookup(t => t.FundingHandle);
        return new FundingStateView(
            time.GetUtcNow(),
            new FundingObserverView(settings.Value.Mode.ToString(), state.Paused, state.ChangedBy, state.ChangedAt, state.RefreshedBy, state.RefreshedAt,
                gnosis.Value.Mode.ToString()),
            [.. handles.Select(h => new FundingHandleStateView(h.Id, h.Chain, h.Asset, h.Account, h.DepositAddress, h.Label, h.Active,
                health.GetValueOrDefault(h.Id)?.LastGoodPollAt, health.GetValueOrDefault(h.Id)?.LastErrorAt, health.GetValueOrDefault(h.Id)?.LastError,
                [.. byHandle[h.Id].Select(Transfer)]))],
            [.. transfers.Where(t => FundingObservationStatus.IsUncredited(t.Status)).GroupBy(t => t.AssetId).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new UncreditedTotalView(g.Key, g.Sum(t => t.Amount), Sum(g, FundingObservationStatus.SeenInMempool),
                    Sum(g, FundingObservationStatus.Confirming), Sum(g, FundingObservationStatus.Confirmed), g.Count()))],
            [.. transfers.Where(t => t.Status == FundingObservationStatus.Credited && t.BridgeDepositTxHash is not null)
                .Select(t => new CreditCorrelationView(t.TxHash, t.BridgeDepositTxHash!, t.FundingHandle, t.AssetId, t.Amount, t.CreditedAt))],
            latest);
    }

    /// <summary>The <paramref name="limit"/> transfers first seen last, each with every change recorded for it.</summary>
    public async Task<IReadOnlyList<FundingTimelineView>> TimelinesAsync(int limit, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var transfers = await db.FundingObservationsCurrent.AsNoTracking()
            .OrderByDescending(c => c.FirstSeenAt).ThenBy(c => c.TxHash).Take(limit).ToListAsync(ct);
        var hashes = transfers.Select(t => t.TxHash).Distinct().ToList();
        var handles = transfers.Select(t => t.FundingHandle).Distinct().ToList();
        var labels = await db.FundingHandles.AsNoTracking().Where(h => handles.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Label, ct);
        var steps = (await db.FundingObservations.AsNoTracking().Where(o => hashes.Contains(o.TxHash))
                .OrderBy(o => o.FundingObservationId).Select(o => new { o.FundingHandle, o.TxHash, o.Status, o.Confirmations, o.IngestedAt }).ToListAsync(ct))
            .ToLookup(o => (o.FundingHandle, o.TxHash), o => new FundingStepView(o.Status, o.Confirmations, o.IngestedAt));
        return [.. transfers.Select(t => new FundingTimelineView(t.FundingHandle, labels.GetValueOrDefault(t.FundingHandle, t.FundingHandle.ToString()),
            t.Chain, t.AssetId, t.TxHash, t.Status, t.Amount, t.Confirmations, t.FirstSeenAt, t.CreditedAt, t.BridgeDepositTxHash,
            [.. steps[(t.FundingHandle, t.TxHash)]]))];
    }

    static FundingTransferView Transfer(FundingObservationCurrent t) => new(t.TxHash, t.Status, t.Amount, t.Confirmations, t.FirstSeenAt,
        t.LastSeenAt, t.ObservedAt, t.Status == FundingObservationStatus.Credited, t.CreditedAt, t.BridgeDepositTxHash);

    static decimal Sum(IEnumerable<FundingObservationCurrent> transfers, string status) => transfers.Where(t => t.Status == status).Sum(t => t.Amount);
}
