using System.Text.Json.Nodes;
using OpsConsole.Domain.Alerts;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Alerts;

/// <summary>
/// Describes what goes with each change of an alert: its audit event, its live change on the alerts topic (the code,
/// severity, status and scope, so a wall can move a tile without a reload), and for a Critical alert that is due to be
/// sent, its notices. The evaluator and the responses both describe through here; the executor writes it.
/// </summary>
public sealed class AlertEffects(AlertNotifier notifier)
{
    /// <summary>The evaluator's name in the audit trail.</summary>
    public static readonly string EvaluatorActor = AuditEntry.System("alerts");

    /// <summary>A raise; the notices go with it when they are due (Critical, not silenced), and the alert counts them as sent.</summary>
    public async Task<TransitionEffects> RaisedAsync(OpsDbContext db, ActiveAlert alert, bool silenced, TimeSpan renotifyAfter, DateTimeOffset now,
        CancellationToken ct)
    {
        var effects = TransitionEffects.Of(Audit(EvaluatorActor, AlertAuditActions.Raised, alert, new JsonObject { ["reason"] = alert.Reason }),
            Live(LiveChange.Created, alert, AlertEventStatus.Raised));
        if (silenced)
            effects.Audit[0].Details!["silenced"] = true;
        await NotifyIfDueAsync(db, alert, silenced, renotifyAfter, now, effects, ct);
        return effects;
    }

    /// <summary>A reminder of an alert that nobody acknowledged, or null when none is due.</summary>
    public async Task<TransitionEffects?> ReminderAsync(OpsDbContext db, ActiveAlert alert, bool silenced, TimeSpan renotifyAfter,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!AlertNotices.Due(alert, silenced, renotifyAfter, now))
            return null;
        var effects = TransitionEffects.Of(Audit(EvaluatorActor, AlertAuditActions.Reminded, alert, []), Live(LiveChange.Changed, alert, AlertEventStatus.Raised));
        await NotifyIfDueAsync(db, alert, silenced, renotifyAfter, now, effects, ct);
        return effects;
    }

    public static TransitionEffects Cleared(ActiveAlert alert, AlertEvent cleared, string actor) =>
        TransitionEffects.Of(Audit(actor, AlertAuditActions.Cleared, alert, new JsonObject
        {
            ["reason"] = cleared.Reason,
            ["cause"] = cleared.ClearCause?.ToString(),
            ["clearedEventId"] = cleared.EventId.ToString(),
        }), Live(LiveChange.Removed, alert, AlertEventStatus.Cleared));

    /// <summary>An acknowledgement; when it also clears the alert, the cleared event is named and the alert leaves the active set.</summary>
    public static TransitionEffects Acknowledged(ActiveAlert alert, string actor, AlertEvent? cleared)
    {
        var details = new JsonObject { ["note"] = alert.AcknowledgementNote };
        if (cleared is not null)
            details["clearedEventId"] = cleared.EventId.ToString();
        return TransitionEffects.Of(Audit(actor, AlertAuditActions.Acknowledged, alert, details),
            cleared is null ? Live(LiveChange.Changed, alert, AlertEventStatus.Raised) : Live(LiveChange.Removed, alert, AlertEventStatus.Cleared));
    }

    public static TransitionEffects Silence(AlertSilence silence, string actor, string action) =>
        TransitionEffects.Of(new AuditEntry(actor, action, AlertAuditActions.SilenceSubjectType, silence.Id.ToString(), new JsonObject
        {
            ["code"] = silence.Code,
            ["scope"] = silence.ScopeKey,
            ["startsAt"] = silence.StartsAt,
            ["endsAt"] = silence.EndsAt,
            ["endedAt"] = silence.EndedAt,
            ["note"] = silence.Note,
        }), new LiveChange(LiveTopics.Alerts, LiveChange.Changed, $"silence:{silence.Id}"));

    public static TransitionEffects EvaluatorChanged(bool paused, string actor) =>
        TransitionEffects.Of(new AuditEntry(actor, paused ? AlertAuditActions.EvaluatorPaused : AlertAuditActions.EvaluatorResumed,
            AlertAuditActions.EvaluatorSubjectType, AlertAuditActions.EvaluatorSubjectId),
            new LiveChange(LiveTopics.Alerts, LiveChange.Changed, AlertAuditActions.EvaluatorSubjectId,
                new Dictionary<string, string> { ["paused"] = paused ? "true" : "false" }));

    async Task NotifyIfDueAsync(OpsDbContext db, ActiveAlert alert, bool silenced, TimeSpan renotifyAfter, DateTimeOffset now,
        TransitionEffects effects, CancellationToken ct)
    {
        if (!AlertNotices.Due(alert, silenced, renotifyAfter, now))
            return;
        effects.Notices.AddRange(await notifier.NoticesAsync(db, alert, now, ct));
        effects.Audit[0].Details!["notified"] = AlertNotices.EventKey(alert.NotifyCount);
        AlertNotices.Sent(alert, now);
    }

    static AuditEntry Audit(string actor, string action, ActiveAlert alert, JsonObject details)
    {
        details["code"] = alert.Code;
        details["scope"] = alert.ScopeKey;
        details["severity"] = alert.Severity.ToString();
        return new AuditEntry(actor, action, AlertAuditActions.SubjectType, alert.EventId.ToString(), details);
    }

    /// <summary>Small enough for a NOTIFY whatever the alert: the page and the wall load the rest.</summary>
    static LiveChange Live(string kind, ActiveAlert alert, AlertEventStatus status) =>
        new(LiveTopics.Alerts, kind, alert.EventId.ToString(), new Dictionary<string, string>
        {
            ["code"] = alert.Code,
            ["severity"] = alert.Severity.ToString(),
            ["status"] = status.ToString().ToLowerInvariant(),
            ["service"] = alert.ServiceScope,
            ["scope"] = alert.ScopeKey.Length <= 200 ? alert.ScopeKey : alert.ScopeKey[..200],
        });
}
