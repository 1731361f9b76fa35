using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;
using OpsConsole.Platform.Wakeups;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Applies the due SLA steps of the requests a claim returns as one batch of guarded transitions: the Domain decides each
/// request in memory, and the executor writes them all, with their audit events and outbox rows, in a few statements. A
/// batch and a single request take the same path; they differ in what they claim and in whether a failure is handed
/// back (a batch, to be redone one by one; a retry, which must not write a second record) or dead-lettered.
/// </summary>
public sealed class SlaStepTransition(GuardedTransitions transitions, ApprovalEffects effects, IOptions<SlaOptions> sla)
{
    public async Task<SlaStepsResult> RunAsync(TransitionContext work, SlaClaim claim, DateTimeOffset now, WhenExhausted whenExhausted,
        CancellationToken ct)
    {
        var result = await RunOnceAsync(work, claim, now, whenExhausted, ct);
        // A failure handed back with nothing claimed leaves the caller nothing to redo one by one: the claim itself failed.
        // Tried once more, a failure that persists is the batch's dead letter.
        if (!result.Succeeded && result.DeadLetterId is null && result.Claimed.Count == 0 && whenExhausted == WhenExhausted.HandBack)
            result = await RunOnceAsync(work, claim, now, WhenExhausted.DeadLetter, ct);
        return result;
    }

    async Task<SlaStepsResult> RunOnceAsync(TransitionContext work, SlaClaim claim, DateTimeOffset now, WhenExhausted whenExhausted,
        CancellationToken ct)
    {
        List<Guid> claimed = [];
        var steps = 0;
        var outcome = await transitions.RunBatchAsync(work, async (attempt, token) =>
        {
            steps = 0;
            var db = attempt.Db;
            // Claimed on its own first: a failure further on still knows which requests the attempt held.
            claimed = await db.Database.SqlQueryRaw<Guid>(claim.Sql, claim.Parameters()).ToListAsync(token);
            if (claimed.Count == 0)
                return [];
            var decisions = await DecideAsync(db, claimed, now, token);
            steps = decisions.OfType<TransitionDecision.Applied>().Sum(d => d.Effects.Audit.Count);
            // A claim ends spent deferrals: bookkeeping, saved with the batch.
            await db.Database.ExecuteSqlAsync($"DELETE FROM sla_deferrals WHERE request_id = ANY({claimed.ToArray()})", token);
            return decisions;
        }, whenExhausted, ct);
        return outcome.Failure switch
        {
            null => new SlaStepsResult(claimed, steps),
            TransitionOutcome.DeadLettered dead => new SlaStepsResult(claimed, 0, dead.Reason, dead.DeadLetterId),
            TransitionOutcome.Failed failed => new SlaStepsResult(claimed, 0, failed.Reason),
            _ => throw new InvalidOperationException("A guarded transition ended in an unknown way."),
        };
    }

    /// <summary>Fires every step now due on each claimed request, in claim order: a request with steps is a change with
    /// what goes with them; one without (the sweep only corrects due times) has its bookkeeping saved, unaudited.</summary>
    async Task<List<TransitionDecision>> DecideAsync(OpsDbContext db, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var requests = (await db.ApprovalRequests.Where(r => ids.Contains(r.Id)).ToListAsync(ct)).OrderBy(r => position[r.Id]);
        var decisions = new List<TransitionDecision>(ids.Count);
        foreach (var request in requests)
        {
            var fired = SlaSteps.ApplyDue(request, sla.Value.Calendar, now);
            var after = $"{request.Status} at tier {request.Tier}";
            if (fired.Count == 0)
            {
                decisions.Add(TransitionDecision.Recompute(after, new WakeTimes().At(SlaTimers.WakeJob, request.NextDueAt)));
                continue;
            }
            var described = new TransitionEffects();
            foreach (var step in fired)
                described.Add(await effects.DescribeAsync(db, request, ApprovalActor.Sla.Id, step.AuditAction, step.From, step.TierBefore,
                    $"SLA step {step.Step} was due", step.Notices, ct));
            decisions.Add(TransitionDecision.Apply(fired[0].From.ToString(), after, described));
        }
        return decisions;
    }
}
