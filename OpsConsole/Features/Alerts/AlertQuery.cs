using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Features.Alerts.Rules;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Alerts;

/// <summary>Reads alerts for the page, the state API and the metrics: the active ones with their silences, the history,
/// the rules with their last evaluation, the silences and the evaluator's state.</summary>
public sealed class AlertQuery(IDbContextFactory<OpsDbContext> dbs, AlertRules rules, TimeProvider time)
{
    public const int MaxPageSize = 200;
    public static readonly TimeSpan RecentlyCleared = TimeSpan.FromDays(1);
    const int MaxRecentlyCleared = 100;

    public async Task<AlertStateView> StateAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var since = now - RecentlyCleared;
        var cleared = await db.AlertEvents.AsNoTracking().Where(e => e.Status == AlertEventStatus.Cleared && e.OccurredAt >= since)
            .OrderByDescending(e => e.OccurredAt).Take(MaxRecentlyCleared).ToListAsync(ct);
        return new AlertStateView(now, await EvaluatorAsync(db, ct), await ActiveAsync(db, new AlertFilter(), now, ct),
            [.. cleared.Select(AlertView.Event)], await RulesAsync(db, ct), await SilencesAsync(db, now, ct));
    }

    public async Task<IReadOnlyList<AlertView>> ActiveAsync(AlertFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ActiveAsync(db, filter, time.GetUtcNow(), ct);
    }

    /// <summary>A page of the history (raises and clears), newest first, with the number of events that match.</summary>
    public async Task<(IReadOnlyList<AlertView> Items, int Total)> HistoryAsync(AlertFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var events = filter.Apply(db.AlertEvents.AsNoTracking());
        var total = await events.CountAsync(ct);
        var items = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.EventId)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return ([.. items.Select(AlertView.Event)], total);
    }

    public async Task<IReadOnlyList<AlertSilenceView>> SilencesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await SilencesAsync(db, time.GetUtcNow(), ct);
    }

    public async Task<IReadOnlyList<AlertRuleView>> RulesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await RulesAsync(db, ct);
    }

    public async Task<AlertEvaluatorView> EvaluatorAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await EvaluatorAsync(db, ct);
    }

    /// <summary>How many alerts are active per code and severity, with a zero for each registered rule that has none.</summary>
    public async Task<IReadOnlyDictionary<(string Code, AlertSeverity Severity), int>> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = rules.All.ToDictionary(r => (r.Rule.Code, r.Rule.Severity), _ => 0);
        foreach (var row in await db.ActiveAlerts.AsNoTracking().GroupBy(a => new { a.Code, a.Severity })
            .Select(g => new { g.Key.Code, g.Key.Severity, Count = g.Count() }).ToListAsync(ct))
            counts[(row.Code, row.Severity)] = row.Count;
        return counts;
    }

    static async Task<IReadOnlyList<AlertView>> ActiveAsync(OpsDbContext db, AlertFilter filter, DateTimeOffset now, CancellationToken ct)
    {
        var active = await filter.Apply(db.ActiveAlerts.AsNoTracking())
            .OrderByDescending(a => a.Severity == AlertSeverity.Critical).ThenByDescending(a => a.RaisedAt).ToListAsync(ct);
        var silences = await InForce(db, now).ToListAsync(ct);
        return [.. active.Select(a => AlertView.Active(a, silences.Where(s => s.Covers(a.Code, a.ScopeKey, now)).Max(s => (DateTimeOffset?)s.Until)))];
    }

    static async Task<IReadOnlyList<AlertSilenceView>> SilencesAsync(OpsDbContext db, DateTimeOffset now, CancellationToken ct) =>
        [.. (await InForce(db, now).OrderBy(s => s.EndsAt).ToListAsync(ct)).Select(AlertSilenceView.From)];

    /// <summary>The silences that hold at <paramref name="now"/>.</summary>
    internal static IQueryable<AlertSilence> InForce(OpsDbContext db, DateTimeOffset now) =>
        db.AlertSilences.AsNoTracking().Where(s => s.StartsAt <= now && s.EndsAt > now && (s.EndedAt == null || s.EndedAt > now));

    async Task<IReadOnlyList<AlertRuleView>> RulesAsync(OpsDbContext db, CancellationToken ct)
    {
        var runs = await db.AlertRuleRuns.AsNoTracking().ToDictionaryAsync(r => r.Code, ct);
        return
        [
            .. rules.All.Select(s => s.Rule).OrderBy(r => r.Code, StringComparer.Ordinal).Select(r =>
            {
                var run = runs.GetValueOrDefault(r.Code);
                return new AlertRuleView(r.Code, r.Severity.ToString(), r.Window, r.Checks, run?.LastEvaluatedAt, run?.LastFailedAt, run?.LastError);
            }),
        ];
    }

    static async Task<AlertEvaluatorView> EvaluatorAsync(OpsDbContext db, CancellationToken ct) =>
        await db.AlertEvaluatorState.AsNoTracking().Select(s => new AlertEvaluatorView(s.Paused, s.ChangedBy, s.ChangedAt)).SingleOrDefaultAsync(ct)
        ?? new AlertEvaluatorView(false, null, null);
}
