using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Alerts.Rules;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Alerts;

/// <summary>
/// What people do about alerts: acknowledge one (who, when, a note; it stays shown but is no longer sent, and an alert of a
/// rule that clears that way clears), and silence a code for one scope or all for a set time, or end a silence early.
/// Each is a guarded transition with its audit event and live change; the responder check is made here, not only in the page.
/// </summary>
public sealed class AlertResponses(IAuthorizationService authorization, GuardedTransitions transitions, AlertRules rules, TimeProvider time)
{
    public const int MaxScopeKeyLength = 300;

    public async Task<AlertResponseResult> AcknowledgeAsync(ClaimsPrincipal user, Guid eventId, string? note, CancellationToken ct = default)
    {
        if (await RefusalFor(user) is { } refused)
            return refused;
        var actor = AlertActors.Of(user);
        var clears = false;
        var outcome = await transitions.RunAsync(new TransitionContext(AlertAuditActions.SubjectType, eventId.ToString(),
            AlertAuditActions.Acknowledged, DeadLetterSources.Ui), async (attempt, token) =>
        {
            var db = attempt.Db;
            if (await db.ActiveAlerts.SingleOrDefaultAsync(a => a.EventId == eventId, token) is not { } alert)
                return TransitionDecision.Refuse("This alert is not raised any more; it has cleared.");
            var rule = rules.Find(alert.Code);
            var (decided, refusal) = AlertAcknowledgement.Decide(alert, rule, note);
            if (decided == AlertAcknowledgement.Outcome.Refused)
                return TransitionDecision.Refuse(refusal!);
            var now = time.GetUtcNow();
            AlertAcknowledgement.Apply(alert, actor, note, now);
            AlertEvent? cleared = null;
            if (clears = decided == AlertAcknowledgement.Outcome.AcknowledgeAndClear)
            {
                var why = AlertWhy.Of(rule!, now, AlertFact.Of("acknowledged by", actor), AlertFact.Of("note", alert.AcknowledgementNote),
                    AlertFact.Of("raised at", alert.RaisedAt));
                var reason = $"Acknowledged by {actor}" + (alert.AcknowledgementNote is { } n ? $": {n}" : ".");
                cleared = AlertEvent.Cleared(alert, Guid.CreateVersion7(now), AlertClearCause.Acknowledged, reason, why, now);
                db.ActiveAlerts.Remove(alert);
                db.AlertEvents.Add(cleared);
            }
            return TransitionDecision.Apply(nameof(AlertEventStatus.Raised), cleared is null ? "Acknowledged" : nameof(AlertEventStatus.Cleared),
                AlertEffects.Acknowledged(alert, actor, cleared));
        }, ct);
        return Result(outcome, clears ? "Acknowledged; the alert is cleared." : "Acknowledged; it stays shown and is no longer sent.");
    }

    /// <param name="scopeKey">One scope of the code, or null (or empty) for all of them.</param>
    public async Task<AlertResponseResult> SilenceAsync(ClaimsPrincipal user, string code, string? scopeKey, TimeSpan duration, string? note,
        CancellationToken ct = default)
    {
        if (await RefusalFor(user) is { } refused)
            return refused;
        scopeKey = string.IsNullOrWhiteSpace(scopeKey) ? null : scopeKey.Trim();
        if (AlertSilence.Problem(code, rules.Codes, duration, note) is { } problem)
            return AlertResponseResult.Refused(problem);
        if (scopeKey is { Length: > MaxScopeKeyLength })
            return AlertResponseResult.Refused($"A scope is at most {MaxScopeKeyLength} characters.");
        var actor = AlertActors.Of(user);
        var now = time.GetUtcNow();
        var silence = new AlertSilence
        {
            Id = Guid.CreateVersion7(now),
            Code = code,
            ScopeKey = scopeKey,
            StartsAt = now,
            EndsAt = now + duration,
            Note = note!.Trim(),
            CreatedBy = actor,
        };
        var outcome = await transitions.RunAsync(new TransitionContext(AlertAuditActions.SilenceSubjectType, silence.Id.ToString(),
            AlertAuditActions.Silenced, DeadLetterSources.Ui), (attempt, _) =>
        {
            attempt.Db.AlertSilences.Add(silence);
            return Task.FromResult(TransitionDecision.Apply("none", "Silenced", AlertEffects.Silence(silence, actor, AlertAuditActions.Silenced)));
        }, ct);
        return Result(outcome, $"Silenced {code} for {scopeKey ?? "every scope"} until the time shown.");
    }

    public async Task<AlertResponseResult> EndSilenceAsync(ClaimsPrincipal user, Guid silenceId, CancellationToken ct = default)
    {
        if (await RefusalFor(user) is { } refused)
            return refused;
        var actor = AlertActors.Of(user);
        var outcome = await transitions.RunAsync(new TransitionContext(AlertAuditActions.SilenceSubjectType, silenceId.ToString(),
            AlertAuditActions.SilenceEnded, DeadLetterSources.Ui), async (attempt, token) =>
        {
            var now = time.GetUtcNow();
            if (await attempt.Db.AlertSilences.SingleOrDefaultAsync(s => s.Id == silenceId, token) is not { } silence)
                return TransitionDecision.Refuse("There is no such silence.");
            if (!silence.IsActive(now))
                return TransitionDecision.Refuse("This silence is over already.");
            silence.EndedAt = now;
            silence.EndedBy = actor;
            return TransitionDecision.Apply("Silenced", "Ended", AlertEffects.Silence(silence, actor, AlertAuditActions.SilenceEnded));
        }, ct);
        return Result(outcome, "The silence is ended; its alerts are sent again.");
    }

    async Task<AlertResponseResult?> RefusalFor(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, AlertsFeature.Responders)).Succeeded ? null
            : AlertResponseResult.Refused("Only Operators, Managers, Top management, Remediators and Admins may acknowledge or silence alerts.");

    internal static AlertResponseResult Result(TransitionOutcome outcome, string done) => outcome switch
    {
        TransitionOutcome.Applied or TransitionOutcome.Unchanged => AlertResponseResult.Ok(done),
        TransitionOutcome.Refused refused => AlertResponseResult.Refused(refused.Reason),
        _ => AlertResponseResult.Refused("The change could not be saved; it was kept as a dead letter for remediation."),
    };
}
