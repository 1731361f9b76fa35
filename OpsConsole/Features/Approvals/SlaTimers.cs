using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// Fires SLA steps. The due job claims only rows whose next_due_at has passed; the sweep walks every Pending row by id.
/// Both claim with FOR UPDATE SKIP LOCKED, so two instances never hold the same row, and both apply the Domain's
/// <see cref="SlaSteps.ApplyDue"/>, which fires each step once. A batch commits as one guarded transition; when it fails,
/// its requests are applied one by one, so only the request at fault is dead-lettered and then deferred.
/// </summary>
public sealed class SlaTimers(SlaStepTransition steps, SlaDeferrals deferrals, IOptions<SlaOptions> sla, TimeProvider time, ILogger<SlaTimers> log)
{
    public const string ApplyDueOperation = "sla.apply_due";
    public const string SweepOperation = "sla.sweep";
    /// <summary>Starts the aggregate id of work done for a whole batch rather than for one request.</summary>
    public const string BatchPrefix = "batch@";
    /// <summary>The due job, woken on every instance at the earliest due time a commit sets.</summary>
    public static readonly string WakeJob = JobRegistration.KeyOf<SlaDueJob>();

    /// <summary>Applies every step now due, batch after batch, until nothing is due; returns the steps fired.</summary>
    public async Task<int> ApplyDueAsync(CancellationToken ct = default) => (await RunDueAsync(ct)).Steps;

    /// <summary>Re-evaluates every Pending request: fires what is due and corrects next_due_at; returns the steps fired.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var fired = 0;
        var after = Guid.Empty;
        while (true)
        {
            var now = time.GetUtcNow();
            var size = sla.Value.BatchSize;
            var batch = await steps.RunAsync(Batch(SweepOperation, now), SlaClaim.Sweep(now, after, size), now, WhenExhausted.HandBack, ct);
            var (fallback, goOn) = await FallBackAsync(SweepOperation, batch, new(), ct);
            fired += batch.Steps + fallback;
            if (!goOn || batch.Claimed.Count < size)
                return fired;
            after = batch.Claimed[^1];
        }
    }

    /// <summary>The due job's work, with the reason it stopped early when a batch was dead-lettered as a whole.</summary>
    public async Task<(int Steps, string? Failure)> RunDueAsync(CancellationToken ct)
    {
        // Requests that failed in this run are not claimed again by it, even when their deferral could not be written.
        ConcurrentDictionary<Guid, bool> failed = new();
        var first = await DueBatchAsync(failed, ct);
        if (!first.GoOn)
            return (first.Steps, first.Failure);
        // A backlog: two loops at once, so that one batch is decided here while PostgreSQL writes the other.
        var loops = await Task.WhenAll(DueLoopAsync(failed, ct), DueLoopAsync(failed, ct));
        return (first.Steps + loops.Sum(l => l.Steps), loops.Select(l => l.Failure).FirstOrDefault(f => f is not null));
    }

    async Task<(int Steps, string? Failure)> DueLoopAsync(ConcurrentDictionary<Guid, bool> failed, CancellationToken ct)
    {
        var fired = 0;
        while (true)
        {
            var batch = await DueBatchAsync(failed, ct);
            fired += batch.Steps;
            if (!batch.GoOn)
                return (fired, batch.Failure);
        }
    }

    /// <summary>One batch of the due job; it goes on while batches come back full.</summary>
    async Task<(int Steps, string? Failure, bool GoOn)> DueBatchAsync(ConcurrentDictionary<Guid, bool> failed, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var size = sla.Value.BatchSize;
        var batch = await steps.RunAsync(Batch(ApplyDueOperation, now), SlaClaim.Due(now, failed.Keys, size), now, WhenExhausted.HandBack, ct);
        var (fallback, goOn) = await FallBackAsync(ApplyDueOperation, batch, failed, ct);
        var fired = batch.Steps + fallback;
        return batch.DeadLetterId is not null ? (fired, batch.Failure, false) : (fired, null, goOn && batch.Claimed.Count >= size);
    }

    /// <summary>Redoes the steps now due for one request against its current state, for a dead letter's retry: it waits
    /// for the row rather than skip it, ignores any deferral, and hands a failure back instead of writing another record.</summary>
    public Task<SlaStepsResult> RetryRequestAsync(Guid id, string operation, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return steps.RunAsync(ForRequest(id, operation), SlaClaim.Retry(id, now), now, WhenExhausted.HandBack, ct);
    }

    /// <summary>After a failed batch, applies its requests one by one, each its own transition; one that fails is
    /// dead-lettered under its own id and deferred. Returns the steps fired and whether the run should go on.</summary>
    async Task<(int Steps, bool GoOn)> FallBackAsync(string operation, SlaStepsResult batch, ConcurrentDictionary<Guid, bool> failed,
        CancellationToken ct)
    {
        if (batch.DeadLetterId is not null)
            return (0, false);
        if (batch.Succeeded)
            return (0, true);
        SlaLog.BatchFellBack(log, operation, batch.Claimed.Count, batch.Failure!);
        // Each is applied or deferred below: in this run, no other loop claims them again.
        foreach (var id in batch.Claimed)
            failed.TryAdd(id, true);
        var (fired, failures) = (0, 0);
        foreach (var id in batch.Claimed)
        {
            var now = time.GetUtcNow();
            var one = await steps.RunAsync(ForRequest(id, operation), SlaClaim.One(id, now), now, WhenExhausted.DeadLetter, ct);
            fired += one.Steps;
            if (one.Succeeded)
                continue;
            failures++;
            await deferrals.DeferAsync(id, operation, ct);
        }
        if (failures < batch.Claimed.Count)
            return (fired, true);
        // Every request failing on its own points at a fault they share; the next tick tries again.
        SlaLog.SharedFault(log, operation);
        return (fired, false);
    }

    static TransitionContext Batch(string operation, DateTimeOffset now) =>
        new(ApprovalAuditActions.SubjectType, $"{BatchPrefix}{now:O}", operation, DeadLetterSources.Sweeper);

    static TransitionContext ForRequest(Guid id, string operation) =>
        new(ApprovalAuditActions.SubjectType, id.ToString(), operation, DeadLetterSources.Sweeper);
}
