using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Applies the due SLA steps of the requests a claim returns, with their audit events and outbox rows, as one guarded
/// transition. A batch and a single request take the same path; they differ in what they claim and in whether a failure
/// is handed back (a batch, to be redone one by one; a retry, which must not write a second record) or dead-lettered.
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
        var outcome = await transitions.RunAsync(work, async (attempt, token) =>
        {
            steps = 0;
            var db = attempt.Db;
            // Claimed on its own first: a failure further on still knows which requests the attempt held.
            claimed = await db.Database.SqlQueryRaw<Guid>(claim.Sql, claim.Parameters()).ToListAsync(token);
            if (claimed.Count == 0)
                return TransitionDecision.Unchanged("nothing claimed");
            var (applied, after, described) = await ApplyAsync(db, claimed, now, token);
            steps = applied;
            await db.Database.ExecuteSqlAsync($"DELETE FROM sla_deferrals WHERE request_id = ANY({claimed.ToArray()})", token);
            // The sweep may only correct due times, and a claim ends spent deferrals: bookkeeping, saved without audit.
            return applied == 0
                ? TransitionDecision.Recompute(after)
                : TransitionDecision.Apply(nameof(ApprovalStatus.Pending), after, described);
        }, whenExhausted, ct);
        return outcome switch
        {
            TransitionOutcome.Applied or TransitionOutcome.Unchanged => new SlaStepsResult(claimed, steps),
            TransitionOutcome.DeadLettered dead => new SlaStepsResult(claimed, 0, dead.Reason, dead.DeadLetterId),
            TransitionOutcome.Failed failed => new SlaStepsResult(claimed, 0, failed.Reason),
            TransitionOutcome.Refused refused => new SlaStepsResult(claimed, 0, refused.Reason),
            _ => throw new InvalidOperationException("A guarded transition ended in an unknown way."),
        };
    }

    /// <summary>Fires every step now due on each claimed request, in claim order; returns the steps, where the requests
    /// ended, and what goes with the steps.</summary>
    async Task<(int Steps, string After, TransitionEffects Effects)> ApplyAsync(OpsDbContext db, List<Guid> ids, DateTimeOffset now,
        CancellationToken ct)
    {
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var requests = (await db.ApprovalRequests.Where(r => ids.Contains(r.Id)).ToListAsync(ct)).OrderBy(r => position[r.Id]).ToList();
        var steps = 0;
        var all = new TransitionEffects();
        foreach (var request in requests)
        {
            foreach (var result in SlaSteps.ApplyDue(request, sla.Value.Calendar, now))
            {
                steps++;
                all.Add(await effects.DescribeAsync(db, request, ApprovalActor.Sla.Id, result.AuditAction, result.From, result.TierBefore,
                    $"SLA step {result.Step} was due", result.Notices, ct));
            }
        }
        return (steps, requests is [var one] ? $"{one.Status} at tier {one.Tier}" : $"{steps} step(s) on {requests.Count} request(s)", all);
    }
}
