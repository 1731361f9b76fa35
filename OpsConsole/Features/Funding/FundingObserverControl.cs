using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;
using Quartz;

namespace OpsConsole.Features.Funding;

/// <summary>
/// Pauses, resumes and refreshes the funding observer, for an Admin or a client holding Funding:Admin (checked here),
/// each a guarded transition with its audit event. A paused observer reads nothing, on every instance, until it is
/// resumed; a refresh is recorded, then fires the observer's job at once (on whichever instance runs jobs, so the
/// request does not wait for a pass over every handle), and is refused while the observer is paused.
/// </summary>
public sealed class FundingObserverControl(
    IAuthorizationService authorization,
    GuardedTransitions transitions,
    [FromKeyedServices(JobsFeature.SchedulerName)] IScheduler scheduler,
    TimeProvider time)
{
    const string NotSaved = "The change could not be saved: the console's database cannot be reached now. Try again in a moment.";

    public Task<FundingControlResult> PauseAsync(ClaimsPrincipal caller, CancellationToken ct = default) => SetAsync(caller, paused: true, ct);

    public Task<FundingControlResult> ResumeAsync(ClaimsPrincipal caller, CancellationToken ct = default) => SetAsync(caller, paused: false, ct);

    public async Task<FundingControlResult> RefreshAsync(ClaimsPrincipal caller, CancellationToken ct = default)
    {
        if (await RefusalAsync(caller, "refresh") is { } refused)
            return refused;
        var actor = FundingActors.Of(caller);
        var outcome = await RunAsync(FundingAuditActions.ObserverRefreshed, state =>
        {
            if (state.Paused)
                return TransitionDecision.Refuse("The funding observer is paused; resume it before asking for a refresh.");
            state.RefreshedBy = actor;
            state.RefreshedAt = time.GetUtcNow();
            return Applied(actor, FundingAuditActions.ObserverRefreshed, "Running", "Running");
        }, ct);
        if (outcome is not TransitionOutcome.Applied)
            return Result(outcome, "");
        await scheduler.TriggerJob(new JobKey(JobRegistration.KeyOf<FundingObserverJob>()), ct);
        return FundingControlResult.Ok("The observer reads every handle now; what it finds appears here as it is recorded.");
    }

    async Task<FundingControlResult> SetAsync(ClaimsPrincipal caller, bool paused, CancellationToken ct)
    {
        if (await RefusalAsync(caller, paused ? "pause" : "resume") is { } refused)
            return refused;
        var actor = FundingActors.Of(caller);
        var action = paused ? FundingAuditActions.ObserverPaused : FundingAuditActions.ObserverResumed;
        var outcome = await RunAsync(action, state =>
        {
            if (state.Paused == paused)
                return TransitionDecision.Unchanged(StateOf(paused));
            state.Paused = paused;
            state.ChangedBy = actor;
            state.ChangedAt = time.GetUtcNow();
            return Applied(actor, action, StateOf(!paused), StateOf(paused));
        }, ct);
        return Result(outcome, paused ? "The funding observer is paused." : "The funding observer runs again.");
    }

    async Task<FundingControlResult?> RefusalAsync(ClaimsPrincipal caller, string verb) =>
        (await authorization.AuthorizeAsync(caller, FundingFeature.Admins)).Succeeded
            ? null
            : FundingControlResult.Refused($"Only an Admin, or a machine client holding {FundingFeature.AdminScope}, may {verb} the funding observer.");

    Task<TransitionOutcome> RunAsync(string action, Func<FundingObserverState, TransitionDecision> decide, CancellationToken ct) =>
        transitions.RunAsync(new TransitionContext(FundingAuditActions.ObserverSubjectType, FundingAuditActions.ObserverSubjectId, action, DeadLetterSources.Ui),
            async (attempt, token) => decide(await attempt.Db.FundingObserverState.SingleAsync(s => s.Id == FundingObserverState.TheRow, token)),
            WhenExhausted.HandBack, ct);

    static TransitionDecision Applied(string actor, string action, string from, string to) => TransitionDecision.Apply(from, to,
        TransitionEffects.Of(new AuditEntry(actor, action, FundingAuditActions.ObserverSubjectType, FundingAuditActions.ObserverSubjectId,
            new JsonObject { ["state"] = to }), new LiveChange(LiveTopics.Funding, LiveChange.Changed, FundingAuditActions.ObserverSubjectId)));

    static FundingControlResult Result(TransitionOutcome outcome, string done) => outcome switch
    {
        TransitionOutcome.Applied or TransitionOutcome.Unchanged => FundingControlResult.Ok(done),
        TransitionOutcome.Refused refused => FundingControlResult.Refused(refused.Reason),
        _ => FundingControlResult.Unavailable(NotSaved),
    };

    static string StateOf(bool paused) => paused ? "Paused" : "Running";
}
