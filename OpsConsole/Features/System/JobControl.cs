using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Identity;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;
using Quartz;

namespace OpsConsole.Features.SystemStatus;

/// <summary>
/// Lists the scheduler's jobs with their last runs, and pauses, resumes or fires them for Admins. The check is made
/// here, not only in the page, so no caller can act without the Admin policy; every action is a guarded transition with
/// its audit event.
/// </summary>
public sealed class JobControl(
    [FromKeyedServices(JobsFeature.SchedulerName)] IScheduler scheduler,
    IDbContextFactory<OpsDbContext> dbs,
    IAuthorizationService authorization,
    GuardedTransitions transitions) : IJobList
{
    public async Task<IReadOnlyList<JobView>> ListAsync(CancellationToken ct = default)
    {
        var jobs = (await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, ct)).Items;
        var headers = (await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, ct)).Items;
        var triggers = (await scheduler.GetTriggers(headers.Select(h => h.Key).ToList(), ct)).ToDictionary(t => t.Key);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var runs = await db.JobRuns.AsNoTracking().ToDictionaryAsync(r => r.JobKey, ct);

        return jobs.OrderBy(j => j.Key.Name, StringComparer.Ordinal).Select(job =>
        {
            var own = headers.Where(h => h.JobKey.Equals(job.Key)).ToList();
            // The job's standing schedule, not a one-off "trigger now" firing that shares its job.
            var main = own.FirstOrDefault(h => h.Key.Name == job.Key.Name) ?? own.FirstOrDefault();
            var paused = main is not null && main.State == TriggerState.Paused;
            return new JobView(
                job.Key.Name,
                job.Description ?? job.Key.Name,
                main is not null && triggers.TryGetValue(main.Key, out var t) ? Describe(t) : "not scheduled",
                own.Where(h => h.State != TriggerState.Paused).Min(h => h.NextFireTimeUtc),
                own.Max(h => h.PreviousFireTimeUtc),
                paused,
                paused ? main!.Pause?.RequestedBy : null,
                runs.GetValueOrDefault(job.Key.Name));
        }).ToList();
    }

    public Task<JobActionResult> PauseAsync(ClaimsPrincipal user, string jobKey, CancellationToken ct = default) =>
        ActAsync(user, jobKey, "job.paused", (s, key, actor) =>
            s.PauseJobWith(key, new PauseDetails { RequestedBy = actor, Reason = "Paused from the System page" }, ct).AsTask(), ct);

    public Task<JobActionResult> ResumeAsync(ClaimsPrincipal user, string jobKey, CancellationToken ct = default) =>
        ActAsync(user, jobKey, "job.resumed", (s, key, _) => s.ResumeJob(key, ct).AsTask(), ct);

    public Task<JobActionResult> TriggerAsync(ClaimsPrincipal user, string jobKey, CancellationToken ct = default) =>
        ActAsync(user, jobKey, "job.triggered", (s, key, _) => s.TriggerJob(key, cancellationToken: ct).AsTask(), ct);

    async Task<JobActionResult> ActAsync(
        ClaimsPrincipal user, string jobKey, string action, Func<IScheduler, JobKey, string, Task> act, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, OpsPolicies.Admin)).Succeeded)
            return JobActionResult.Refused;
        var key = new JobKey(jobKey);
        if (!await scheduler.Exists(key, ct))
            return JobActionResult.NotFound;

        var actor = ActorOf(user);
        var acted = false;
        var outcome = await transitions.RunAsync(new TransitionContext("job", jobKey, action, DeadLetterSources.Ui), async (_, token) =>
        {
            // The scheduler commits on its own connection, and only once: a retried attempt does not act again.
            if (!acted)
                await act(scheduler, key, actor);
            acted = true;
            return TransitionDecision.Apply("", action, TransitionEffects.Of(new AuditEntry(actor, action, "job", jobKey),
                new LiveChange(LiveTopics.Jobs, LiveChange.Changed, jobKey)));
        }, ct);
        return outcome is TransitionOutcome.Applied || acted ? JobActionResult.Done : JobActionResult.Refused;
    }

    static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name
        ?? throw new InvalidOperationException("An Admin principal without an email or name cannot be audited.");

    static string Describe(ITrigger trigger) => trigger switch
    {
        ISimpleTrigger s => $"every {s.RepeatInterval:c}",
        ICronTrigger c => $"cron {c.CronExpressionString} ({c.TimeZone.Id})",
        _ => trigger.Description ?? trigger.GetType().Name,
    };
}
