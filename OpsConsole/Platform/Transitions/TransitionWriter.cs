using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Wakeups;

namespace OpsConsole.Platform.Transitions;

/// <summary>
/// Writes what an attempt decided, inside its transaction, with a few statements whatever the number of changes: the
/// state first (a conflict shows here, before anything else is written), then the notices, live changes and wake times,
/// which PostgreSQL releases only if the transaction commits, and the audit events last, so that the chain's lock is
/// held for their insert and the commit alone. Only the executor calls it.
/// </summary>
public sealed class TransitionWriter(AuditTrail audit, Outbox.Outbox outbox, LiveAnnouncer live)
{
    /// <summary>Returns the audit event ids of each applied change, in order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<long>>> WriteAsync(OpsDbContext db, IReadOnlyList<TransitionDecision> decisions,
        TransitionContext work, CancellationToken ct)
    {
        var applied = decisions.OfType<TransitionDecision.Applied>().ToList();
        if (applied.Any(a => a.Effects.Audit.Count == 0))
            throw new InvalidOperationException($"{work.Operation} on {work.AggregateType} {work.AggregateId} changes state without an audit event.");
        await TrackedWrites.SaveAsync(db, ct);

        var all = new TransitionEffects();
        foreach (var change in applied)
            all.Add(change.Effects);
        foreach (var kept in decisions.OfType<TransitionDecision.Kept>())
            all.Wakes.Add(kept.Wakes);
        var queued = await outbox.EnqueueAsync(db, all.Notices, ct);
        all.Wakes.At(OutboxFeature.DispatchJob, queued.EarliestDue);
        // The live changes (with each bell that has a new notice) and the wake times in one statement.
        List<LiveChange> changes = [.. all.Live, .. queued.Bells.Select(user => new LiveChange(LiveTopics.Notifications, LiveChange.Created, user))];
        await LiveAnnouncer.NotifyAsync(db, [.. live.Notices(changes), .. WakeupSignal.Notices(all.Wakes)], ct);
        var events = await audit.AppendAsync(db, all.Audit, ct);

        var ids = new List<IReadOnlyList<long>>(applied.Count);
        var taken = 0;
        foreach (var change in applied)
        {
            ids.Add([.. events.Skip(taken).Take(change.Effects.Audit.Count).Select(e => e.Id)]);
            taken += change.Effects.Audit.Count;
        }
        return ids;
    }
}
