using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.PackApprovals;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Transitions;
using OpsConsole.Platform.Wakeups;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// Applies accepted Task Runner events in the order they were accepted, per approval, through the one transition path: a
/// batch of waiting events per transaction (one audit chain lock and one commit for all of them), each event decided by
/// <see cref="PackEventApplier"/>. An event whose batch cannot be saved is applied on its own, and if it still cannot be,
/// it becomes a dead letter; the events of its approval after it wait until it is applied from the remediation page.
/// The instance that accepted an event wakes its own processing once the batch has gathered (<see cref="GatherFor"/>);
/// <see cref="PackEventsJob"/> is the net.
/// During a burst (more than <see cref="PackApprovalOptions.YieldToAcceptingAbove"/> events accepted in a second on this
/// instance) the accepting comes first: the applying takes one batch per <see cref="YieldPause"/> until the burst ends or
/// the first waiting event is <see cref="PackApprovalOptions.MaxApplyingLag"/> old. An accepted event is stored already, so
/// only its request's arrival in the inbox waits.
/// Several instances share the work: a claimed event is locked, the others skip it.
/// </summary>
public sealed class PackEventProcessing(
    GuardedTransitions transitions,
    PackEventApplier applier,
    IDbContextFactory<OpsDbContext> contexts,
    WakeupTimers wakeups,
    PackIntakeRate intake,
    IOptions<PackApprovalOptions> options,
    TimeProvider time)
{
    public const string Operation = "apply";
    public const int BatchSize = 100;

    /// <summary>How long a waiting event waits for others to join its batch. What a batch costs hardly grows with its
    /// events (one claim, one chain lock, one commit, the shared reads), so at a steady flow applying each event on its
    /// own would cost many times what applying them together does; a person sees the request a fraction of a second later.</summary>
    public static readonly TimeSpan GatherFor = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the applying leaves the machine to the accepting after each batch while it yields.</summary>
    public static readonly TimeSpan YieldPause = TimeSpan.FromSeconds(2);

    static readonly TransitionContext BatchWork = new(PackAuditActions.EventSubjectType, "waiting", Operation, DeadLetterSources.Api);

    // Events waiting their turn: not applied, no earlier event of the same approval still waiting, and not kept as a dead
    // letter that staff have yet to retry (or discarded).
    const string Ready = $"""
        e.applied_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM pack_events p WHERE p.applied_at IS NULL AND e.kind <> '{AcceptedPackEventKinds.Hold}'
            AND p.kind <> '{AcceptedPackEventKinds.Hold}' AND p.tenant = e.tenant AND p.run_id = e.run_id AND p.item = e.item AND p.seq < e.seq)
        """;

    const string NotDeadLettered = $"""
        NOT EXISTS (SELECT 1 FROM dead_letters d WHERE d.aggregate_type = '{PackAuditActions.EventSubjectType}'
            AND d.aggregate_id = e.seq::text AND d.status <> 'Resolved')
        """;

    // Ticks of the time before which the applying yields (zero when it does not); runs of the job and of the wake-up may
    // overlap, so it is read and written whole.
    long yieldingUntil;

    DateTimeOffset YieldingUntil => new(Volatile.Read(ref yieldingUntil), TimeSpan.Zero);

    /// <summary>Has the processing look at the waiting events on this instance, once the batch has gathered (or once a pause
    /// for the accepting has passed).</summary>
    public void Wake()
    {
        var gathered = time.GetUtcNow() + GatherFor;
        var yielding = YieldingUntil;
        wakeups.Arm(JobRegistration.KeyOf<PackEventsJob>(), yielding > gathered ? yielding : gathered);
    }

    /// <summary>Applies every event whose turn has come, or one batch of them while the applying yields to a burst of
    /// accepting; returns how many had their turn.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (time.GetUtcNow() < YieldingUntil)
            return 0;
        var done = 0;
        while (true)
        {
            DateTimeOffset? firstReceived = null;
            var batch = await transitions.RunBatchAsync(BatchWork, async (attempt, token) =>
            {
                var waiting = await attempt.Db.AcceptedPackEvents
                    .FromSqlRaw($"SELECT e.*, e.xmin FROM pack_events e WHERE {Ready} AND {NotDeadLettered} ORDER BY e.seq LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                    .ToListAsync(token);
                firstReceived = waiting.Count > 0 ? waiting[0].ReceivedAt : null;
                var stored = await PackEventApplier.StoredForAsync(attempt.Db, waiting, token);
                var decisions = new List<TransitionDecision>(waiting.Count);
                foreach (var accepted in waiting)
                    decisions.Add(await applier.DecideAsync(attempt.Db, accepted, token, stored));
                return decisions;
            }, WhenExhausted.HandBack, ct);
            if (batch.Failure is not null)
            {
                // One by one, so that only the event at fault stops (a dead letter) and the others go on; when none of them
                // moved, the next run (the job's, or a wake-up's) tries again rather than this one spinning.
                var moved = false;
                foreach (var seq in await ReadySeqsAsync(ct))
                {
                    var outcome = await ApplyOneAsync(seq, WhenExhausted.DeadLetter, ct);
                    moved |= outcome is TransitionOutcome.Applied or TransitionOutcome.Unchanged or TransitionOutcome.DeadLettered;
                    done += outcome is TransitionOutcome.Applied or TransitionOutcome.Unchanged ? 1 : 0;
                }
                if (!moved)
                    return done;
                continue;
            }
            done += batch.Items.Count;
            if (batch.Items.Count < BatchSize)
                return done;
            if (YieldsAfter(firstReceived))
            {
                Volatile.Write(ref yieldingUntil, (time.GetUtcNow() + YieldPause).UtcTicks);
                return done;
            }
        }
    }

    // A burst of accepting on this instance, and the waiting events not yet too old to wait longer.
    bool YieldsAfter(DateTimeOffset? firstReceived) =>
        intake.LastSecond > options.Value.YieldToAcceptingAbove
        && firstReceived is { } first && time.GetUtcNow() - first < options.Value.MaxApplyingLag;

    /// <summary>Applies one event, if its turn has come: what the retry of its dead letter does.</summary>
    public async Task<TransitionOutcome> ApplyOneAsync(long seq, WhenExhausted whenExhausted, CancellationToken ct)
    {
        AcceptedPackEvent? known;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            known = await db.AcceptedPackEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Seq == seq, ct);
        if (known is null)
            return new TransitionOutcome.Refused($"No accepted pack event has sequence number {seq}.") { Attempts = 0 };
        var work = new TransitionContext(PackAuditActions.EventSubjectType, seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Operation, DeadLetterSources.Api, known.CorrelationId, new JsonObject
            {
                ["eventId"] = known.EventId,
                ["tenant"] = known.Tenant,
                ["runId"] = known.RunId,
                ["kind"] = known.Kind,
                ["item"] = known.Item,
                ["revision"] = known.Revision,
            });
        return await transitions.RunAsync(work, async (attempt, token) =>
        {
            var accepted = await attempt.Db.AcceptedPackEvents
                .FromSqlRaw($"SELECT e.*, e.xmin FROM pack_events e WHERE e.seq = {{0}} AND {Ready} FOR UPDATE", seq)
                .SingleOrDefaultAsync(token);
            if (accepted is not null)
                return await applier.DecideAsync(attempt.Db, accepted, token);
            var applied = await attempt.Db.AcceptedPackEvents.AnyAsync(e => e.Seq == seq && e.AppliedAt != null, token);
            return applied ? TransitionDecision.Unchanged("applied")
                : TransitionDecision.Refuse($"An earlier event of {known.Kind} {known.Item} in run {known.RunId} waits to be applied first.");
        }, whenExhausted, ct);
    }

    /// <summary>Applies the waiting events of one approval now, in order: a decision sent for it right after its request was
    /// accepted finds it applied. False when one of them still cannot be applied (it stays waiting, or a dead letter).</summary>
    public async Task<bool> ApplyWaitingAsync(string tenant, string runId, string approvalId, CancellationToken ct)
    {
        List<long> waiting;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            waiting = await db.AcceptedPackEvents
                .Where(e => e.Tenant == tenant && e.RunId == runId && e.Item == approvalId && e.Kind != AcceptedPackEventKinds.Hold && e.AppliedAt == null)
                .OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync(ct);
        foreach (var seq in waiting)
            if (await ApplyOneAsync(seq, WhenExhausted.HandBack, ct) is not (TransitionOutcome.Applied or TransitionOutcome.Unchanged))
                return false;
        return true;
    }

    /// <summary>When the waiting events are due (the first of them was accepted, and the batch has gathered); null when none
    /// waits. A time given asks for work after it: the events' time has come already, so none is.</summary>
    public async Task<DateTimeOffset?> EarliestAsync(DateTimeOffset? after, CancellationToken ct)
    {
        if (after is not null)
            return null;
        // Yielding: no sooner than the pause's end, and whatever waits is looked at then.
        if (YieldingUntil is var yielding && yielding > time.GetUtcNow())
            return yielding;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The first in order of acceptance: the waiting index hands it over without reading the others.
        var first = await db.Database.SqlQueryRaw<DateTimeOffset?>(
                $"SELECT e.received_at AS \"Value\" FROM pack_events e WHERE {Ready} AND {NotDeadLettered} ORDER BY e.seq LIMIT 1")
            .FirstOrDefaultAsync(ct);
        return first + GatherFor;
    }

    async Task<IReadOnlyList<long>> ReadySeqsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Database.SqlQueryRaw<long>(
                $"SELECT e.seq AS \"Value\" FROM pack_events e WHERE {Ready} AND {NotDeadLettered} ORDER BY e.seq LIMIT {BatchSize}")
            .ToListAsync(ct);
    }
}
