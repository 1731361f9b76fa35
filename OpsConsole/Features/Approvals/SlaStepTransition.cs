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
public sealed class SlaStepTransition(GuardedTransitions transitions, ApprovalRecorder recorder, IOptions<SlaOptions> sla)
{
    public async Task<SlaStepsResult> RunAsync(TransitionContext work, Func<OpsDbContext, IQueryable<Guid>> claim, DateTimeOffset now,
        bool handBackFailure, CancellationToken ct)
    {
        List<Guid> claimed = [];
        var steps = 0;
        string? failure = null;
        var outcome = await transitions.RunAsync(work, async (db, token) =>
        {
            (steps, failure) = (0, null);
            // Claimed on its own first: a failure further on still knows which requests the attempt held.
            claimed = await claim(db).ToListAsync(token);
            if (claimed.Count == 0)
                return TransitionDecision.Apply(nameof(ApprovalStatus.Pending), "nothing claimed");
            try
            {
                var (applied, after) = await ApplyAsync(db, claimed, now, token);
                steps = applied;
                await db.Database.ExecuteSqlAsync($"DELETE FROM sla_deferrals WHERE request_id = ANY({claimed.ToArray()})", token);
                // Saved here when the failure is handed back, so that a row refusing its update is caught like any other fault.
                if (handBackFailure)
                    await db.SaveChangesAsync(token);
                return TransitionDecision.Apply(nameof(ApprovalStatus.Pending), after);
            }
            catch (Exception ex) when (handBackFailure && !token.IsCancellationRequested)
            {
                failure = $"{ex.GetBaseException().GetType().Name}: {ex.GetBaseException().Message}";
                return TransitionDecision.Refuse(failure);
            }
        }, ct);
        return outcome switch
        {
            TransitionOutcome.Applied => new SlaStepsResult(claimed, steps),
            TransitionOutcome.DeadLettered dead => new SlaStepsResult(claimed, 0, dead.Reason, dead.DeadLetterId),
            _ => new SlaStepsResult(claimed, 0, failure ?? "The SLA steps were refused."),
        };
    }

    /// <summary>Fires every step now due on each claimed request, in claim order; returns the steps and where the requests ended.</summary>
    async Task<(int Steps, string After)> ApplyAsync(OpsDbContext db, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var requests = (await db.ApprovalRequests.Where(r => ids.Contains(r.Id)).ToListAsync(ct)).OrderBy(r => position[r.Id]).ToList();
        var steps = 0;
        foreach (var request in requests)
        {
            foreach (var result in SlaSteps.ApplyDue(request, sla.Value.Calendar, now))
            {
                steps++;
                await recorder.RecordAsync(db, request, ApprovalActor.Sla.Id, result.AuditAction, result.From, result.TierBefore,
                    $"SLA step {result.Step} was due", result.Notices, ct);
            }
        }
        return (steps, requests is [var one] ? $"{one.Status} at tier {one.Tier}" : $"{steps} step(s) on {requests.Count} request(s)");
    }
}
