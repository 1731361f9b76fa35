using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Alerts.Rules;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts.Rules;

/// <summary>Each pair with a failure, from executor_pairs_current, with when an alert of the rule on it was last cleared by
/// an acknowledgement (ops_alerts).</summary>
sealed class ExecutorFacts : IAlertFacts<IReadOnlyList<ExecutorPairFact>>
{
    public async Task<IReadOnlyList<ExecutorPairFact>> ReadAsync(OpsDbContext db, IAlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var pairs = await db.ExecutorPairsCurrent.AsNoTracking().Where(p => p.LastFailedAt != null).ToListAsync(ct);
        var acknowledged = await AlertAcknowledgements.LastByScopeAsync(db, rule, ct);
        return
        [
            .. pairs.Select(p => new ExecutorPairFact(p.Pair,
                new TradeEvent(p.LastFailedTradeId!, p.LastFailedAt!.Value, p.LastFailedReceivedAt!.Value, p.LastFailureReason),
                p.LastFilledAt is { } filledAt ? new TradeEvent(p.LastFilledTradeId!, filledAt, filledAt) : null,
                acknowledged.GetValueOrDefault(p.Pair))),
        ];
    }
}
