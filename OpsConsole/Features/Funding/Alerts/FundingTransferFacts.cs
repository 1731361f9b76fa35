using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Alerts.Rules;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Funding.Alerts;

/// <summary>
/// The transfers the funding rules watch, from funding_observations_current: every one not credited (seen, confirming,
/// confirmed or dropped) with its handle, the bridge's deposit for its hash if one arrived since the observer last looked,
/// and, for a rule cleared by acknowledgement, the last acknowledgement of an alert on it (ops_alerts).
/// </summary>
sealed class FundingTransferFacts : IAlertFacts<IReadOnlyList<FundingTransferFact>>
{
    static readonly string[] Watched =
        [FundingObservationStatus.SeenInMempool, FundingObservationStatus.Confirming, FundingObservationStatus.Confirmed, FundingObservationStatus.Dropped];

    public async Task<IReadOnlyList<FundingTransferFact>> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var open = await (
            from t in db.FundingObservationsCurrent.AsNoTracking()
            join h in db.FundingHandles.AsNoTracking() on t.FundingHandle equals h.Id
            where Watched.Contains(t.Status)
            select new { Transfer = t, h.Label, h.Active }).ToListAsync(ct);
        if (open.Count == 0)
            return [];
        var hashes = open.Select(o => o.Transfer.TxHash).Distinct().ToList();
        var credits = await db.BridgeDeposits.AsNoTracking().Where(d => hashes.Contains(d.DepositTxHash))
            .ToDictionaryAsync(d => d.DepositTxHash, d => d.CreditedAt, ct);
        var acknowledged = rule.ClearedByAcknowledgement ? await AlertAcknowledgements.LastByScopeAsync(db, rule, ct) : [];
        return
        [
            .. open.Select(o =>
            {
                var t = o.Transfer;
                var fact = new FundingTransferFact(t.FundingHandle, o.Label, o.Active, t.AccountId, t.AssetId, t.TxHash, t.Status, t.Amount,
                    t.Confirmations, t.FirstSeenAt, t.ObservedAt, credits.TryGetValue(t.TxHash, out var credited) ? credited : null);
                return fact with { AcknowledgedAt = acknowledged.GetValueOrDefault(fact.ScopeKey) };
            }),
        ];
    }
}
