using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts.Rules;

/// <summary>For the readers of rules cleared by an acknowledgement: when an alert of the rule was last so cleared, per scope key.</summary>
public static class AlertAcknowledgements
{
    public static Task<Dictionary<string, DateTimeOffset?>> LastByScopeAsync(OpsDbContext db, IAlertRule rule, CancellationToken ct) =>
        db.AlertEvents.AsNoTracking()
            .Where(e => e.Code == rule.Code && e.Status == AlertEventStatus.Cleared && e.ClearCause == AlertClearCause.Acknowledged)
            .GroupBy(e => e.ScopeKey)
            .Select(g => new { Key = g.Key, At = g.Max(e => e.ClearedAt) })
            .ToDictionaryAsync(a => a.Key, a => a.At, ct);
}
