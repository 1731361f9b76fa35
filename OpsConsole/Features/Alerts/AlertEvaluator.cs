using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Alerts.Rules;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Alerts;

/// <summary>
/// One evaluation of every registered rule. Each rule reads its facts on its own (a rule whose facts cannot be read is
/// left out, and its alerts stay as they are); then one guarded transition loads the active alerts and the silences, lets
/// the Domain decide what raises and what clears, and writes only those transitions: each raise and clear as an event of
/// ops_alerts and a change of ops_alerts_current, with its audit event, live change and, for a Critical alert nobody
/// silenced, its notices; a reminder for each Critical alert nobody acknowledged in Alerts:RenotifyAfter; and, as
/// bookkeeping, each rule's evaluation time. While the evaluator is paused it does nothing.
/// </summary>
public sealed class AlertEvaluator(
    IDbContextFactory<OpsDbContext> dbs,
    AlertRules rules,
    GuardedTransitions transitions,
    AlertEffects effects,
    IOptions<AlertSettings> settings,
    TimeProvider time,
    ILogger<AlertEvaluator> log)
{
    public const string Operation = "alerts.evaluate";

    public async Task<AlertEvaluationResult> EvaluateAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<IAlertRule> evaluated = [];
        List<AlertCondition> conditions = [];
        Dictionary<string, string> failed = new(StringComparer.Ordinal);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (await db.AlertEvaluatorState.AsNoTracking().AnyAsync(s => s.Paused, ct))
                return AlertEvaluationResult.WhilePaused;
            foreach (var source in rules.All)
            {
                try
                {
                    conditions.AddRange(await source.EvaluateAsync(db, now, ct));
                    evaluated.Add(source.Rule);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failed[source.Rule.Code] = ex.GetBaseException().Message;
                    AlertLog.RuleFailed(log, source.Rule.Code, ex.GetBaseException().Message);
                }
            }
        }

        var (raised, cleared, reminded) = (0, 0, 0);
        var outcome = await transitions.RunBatchAsync(Work, async (attempt, token) =>
        {
            var db = attempt.Db;
            var active = await db.ActiveAlerts.ToListAsync(token);
            var silences = await AlertQuery.InForce(db, now).ToListAsync(token);
            bool Silenced(ActiveAlert a) => silences.Any(s => s.Covers(a.Code, a.ScopeKey, now));
            var renotify = settings.Value.RenotifyAfter;
            var changes = AlertEvaluation.Decide(active, evaluated, conditions);
            var decisions = new List<TransitionDecision>();
            foreach (var condition in changes.Raise)
            {
                var alert = ActiveAlert.Raise(condition, Guid.CreateVersion7(now), now);
                var described = await effects.RaisedAsync(db, alert, Silenced(alert), renotify, now, token);
                db.ActiveAlerts.Add(alert);
                db.AlertEvents.Add(AlertEvent.Raised(alert));
                decisions.Add(TransitionDecision.Apply("none", nameof(AlertEventStatus.Raised), described));
            }
            foreach (var clear in changes.Clear)
            {
                var alert = clear.Alert;
                var why = AlertWhy.Of(rules.Find(alert.Code)!, now, AlertFact.Of("raised at", alert.RaisedAt), AlertFact.Of("lasted", now - alert.RaisedAt));
                var ended = AlertEvent.Cleared(alert, Guid.CreateVersion7(now), AlertClearCause.Recovered, clear.Reason, why, now);
                db.ActiveAlerts.Remove(alert);
                db.AlertEvents.Add(ended);
                decisions.Add(TransitionDecision.Apply(nameof(AlertEventStatus.Raised), nameof(AlertEventStatus.Cleared),
                    AlertEffects.Cleared(alert, ended, AlertEffects.EvaluatorActor)));
            }
            var staying = active.Except(changes.Clear.Select(c => c.Alert));
            foreach (var alert in staying)
            {
                if (await effects.ReminderAsync(db, alert, Silenced(alert), renotify, now, token) is { } reminder)
                    decisions.Add(TransitionDecision.Apply(nameof(AlertEventStatus.Raised), nameof(AlertEventStatus.Raised), reminder));
            }
            await RecordRunsAsync(db, evaluated, failed, now, token);
            decisions.Add(TransitionDecision.Recompute("evaluated"));
            (raised, cleared, reminded) = (changes.Raise.Count, changes.Clear.Count, decisions.Count - changes.Raise.Count - changes.Clear.Count - 1);
            return decisions;
        }, WhenExhausted.DeadLetter, ct);

        if (outcome.Failure is { } failure)
        {
            AlertLog.NotWritten(log, failure switch { TransitionOutcome.DeadLettered d => d.Reason, TransitionOutcome.Failed f => f.Reason, _ => failure.ToString() });
            return new AlertEvaluationResult(false, 0, 0, 0, failed);
        }
        if (raised + cleared + reminded > 0)
            AlertLog.Changed(log, raised, cleared, reminded);
        return new AlertEvaluationResult(false, raised, cleared, reminded, failed);
    }

    /// <summary>Each rule's evaluation time, and the error of one that failed; saved with the evaluation, unaudited.</summary>
    static async Task RecordRunsAsync(OpsDbContext db, List<IAlertRule> evaluated, Dictionary<string, string> failed, DateTimeOffset now,
        CancellationToken ct)
    {
        var runs = await db.AlertRuleRuns.ToDictionaryAsync(r => r.Code, ct);
        AlertRuleRun RunOf(string code) => runs.TryGetValue(code, out var run) ? run : db.AlertRuleRuns.Add(new AlertRuleRun { Code = code }).Entity;
        foreach (var rule in evaluated)
            RunOf(rule.Code).LastEvaluatedAt = now;
        foreach (var (code, error) in failed)
        {
            var run = RunOf(code);
            run.LastFailedAt = now;
            run.LastError = error.Length <= 1000 ? error : error[..1000];
        }
    }

    // One aggregate for every evaluation, so an evaluation that keeps failing counts occurrences on one open dead letter.
    static readonly TransitionContext Work = new(AlertAuditActions.EvaluatorSubjectType, AlertAuditActions.EvaluatorSubjectId, Operation,
        DeadLetterSources.Sweeper);
}
