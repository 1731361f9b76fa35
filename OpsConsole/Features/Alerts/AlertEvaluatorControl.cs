using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Alerts;

/// <summary>Pauses and resumes the evaluator, for Admins only (checked here), each a guarded transition with its audit
/// event; a paused evaluator raises and clears nothing until it is resumed, on every instance.</summary>
public sealed class AlertEvaluatorControl(IAuthorizationService authorization, GuardedTransitions transitions, TimeProvider time)
{
    public Task<AlertResponseResult> PauseAsync(ClaimsPrincipal user, CancellationToken ct = default) => SetAsync(user, paused: true, ct);

    public Task<AlertResponseResult> ResumeAsync(ClaimsPrincipal user, CancellationToken ct = default) => SetAsync(user, paused: false, ct);

    async Task<AlertResponseResult> SetAsync(ClaimsPrincipal user, bool paused, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, OpsPolicies.Admin)).Succeeded)
            return AlertResponseResult.Refused("Only an Admin may pause or resume the alert evaluator.");
        var actor = AlertActors.Of(user);
        var action = paused ? AlertAuditActions.EvaluatorPaused : AlertAuditActions.EvaluatorResumed;
        var outcome = await transitions.RunAsync(new TransitionContext(AlertAuditActions.EvaluatorSubjectType, AlertAuditActions.EvaluatorSubjectId,
            action, DeadLetterSources.Ui), async (attempt, token) =>
        {
            var state = await attempt.Db.AlertEvaluatorState.SingleAsync(s => s.Id == AlertEvaluatorState.TheRow, token);
            if (state.Paused == paused)
                return TransitionDecision.Unchanged(State(paused));
            state.Paused = paused;
            state.ChangedBy = actor;
            state.ChangedAt = time.GetUtcNow();
            return TransitionDecision.Apply(State(!paused), State(paused), AlertEffects.EvaluatorChanged(paused, actor));
        }, ct);
        return AlertResponses.Result(outcome, paused ? "The alert evaluator is paused." : "The alert evaluator runs again.");
    }

    static string State(bool paused) => paused ? "Paused" : "Running";
}
