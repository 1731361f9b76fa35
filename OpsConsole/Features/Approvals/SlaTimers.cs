using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Fires SLA steps. The due job claims only rows whose next_due_at has passed; the sweep walks every Pending row by id.
/// Both claim with FOR UPDATE SKIP LOCKED, so two instances never hold the same row, and both apply the Domain's
/// <see cref="SlaSteps.ApplyDue"/>, which fires each step once; a batch commits as one guarded transition.
/// </summary>
public sealed class SlaTimers(GuardedTransitions transitions, ApprovalRecorder recorder, IOptions<SlaOptions> sla, TimeProvider time)
{
    /// <summary>Applies every step now due, batch after batch, until nothing is due; returns the steps fired.</summary>
    public async Task<int> ApplyDueAsync(CancellationToken ct = default)
    {
        var fired = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var batch = sla.Value.BatchSize;
            var (claimed, steps) = await RunBatchAsync("sla.apply_due", db => db.ApprovalRequests.FromSql(
                $"SELECT *, xmin FROM approval_requests WHERE status = 'Pending' AND next_due_at <= {now} ORDER BY next_due_at LIMIT {batch} FOR UPDATE SKIP LOCKED"),
                now, ct);
            fired += steps;
            if (claimed.Count < batch)
                return fired;
        }
    }

    /// <summary>Re-evaluates every Pending request: fires what is due and corrects next_due_at; returns the steps fired.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var fired = 0;
        var after = Guid.Empty;
        while (true)
        {
            var now = time.GetUtcNow();
            var batch = sla.Value.BatchSize;
            var last = after;
            var (claimed, steps) = await RunBatchAsync("sla.sweep", db => db.ApprovalRequests.FromSql(
                $"SELECT *, xmin FROM approval_requests WHERE status = 'Pending' AND id > {last} ORDER BY id LIMIT {batch} FOR UPDATE SKIP LOCKED"),
                now, ct);
            fired += steps;
            if (claimed.Count < batch)
                return fired;
            after = claimed[^1];
        }
    }

    async Task<(List<Guid> Claimed, int Steps)> RunBatchAsync(string operation, Func<OpsDbContext, IQueryable<ApprovalRequest>> claim,
        DateTimeOffset now, CancellationToken ct)
    {
        List<Guid> claimed = [];
        var steps = 0;
        var work = new TransitionContext(ApprovalAuditActions.SubjectType, $"batch@{now:O}", operation, DeadLetterSources.Sweeper);
        var outcome = await transitions.RunAsync(work, async (db, token) =>
        {
            (claimed, steps) = ([], 0);
            foreach (var request in await claim(db).ToListAsync(token))
            {
                claimed.Add(request.Id);
                foreach (var result in SlaSteps.ApplyDue(request, sla.Value.Calendar, now))
                {
                    steps++;
                    await recorder.RecordAsync(db, request, ApprovalActor.Sla.Id, result.AuditAction, result.From, result.TierBefore,
                        $"SLA step {result.Step} was due", result.Notices, token);
                }
            }
            return TransitionDecision.Apply(operation, $"{steps} step(s) on {claimed.Count} request(s)");
        }, ct);
        // A dead-lettered batch fired nothing; stop here rather than claim the same rows again at once.
        return outcome is TransitionOutcome.Applied ? (claimed, steps) : ([], 0);
    }
}
