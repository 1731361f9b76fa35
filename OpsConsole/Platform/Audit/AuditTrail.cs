using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpsConsole.Domain.Audit;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Audit;

/// <summary>
/// The one writer of audit_events, called by the guarded-transition executor. It appends inside the change's transaction, so the event commits or rolls back
/// with the change it describes; a transaction-scoped advisory lock makes concurrent appenders take turns on the chain.
/// </summary>
public sealed class AuditTrail(TimeProvider time)
{
    // Any fixed number works; it only has to be the same for every appender.
    const long ChainLock = 0x0a0d17_c4a1;
    const int MaxIdBlock = 64;

    // What a transaction already holds, so that one appending many events (an SLA batch) pays the round trips once.
    static readonly ConditionalWeakTable<IDbContextTransaction, TransactionChain> Chains = new();

    public async Task<AuditEvent> AppendAsync(OpsDbContext db, AuditEntry entry, CancellationToken ct = default)
    {
        var tx = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Audit events are appended inside the transaction of the change they describe; begin one first.");
        var chain = Chains.GetValue(tx, _ => new TransactionChain());
        if (!chain.Locked)
        {
            // Held until the transaction ends: nobody else appends or draws an id until then.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
            chain.Locked = true;
        }
        var prevHash = chain.HeadIn(db)
            ?? await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct)
            ?? AuditChain.Genesis;
        if (chain.Ids.Count == 0)
        {
            // Drawn under the lock, so id order is chain order; blocks grow only while the transaction keeps appending.
            var block = await db.Database.SqlQuery<long>(
                $"SELECT nextval('audit_events_id_seq') AS \"Value\" FROM generate_series(1, {chain.NextBlock})").ToListAsync(ct);
            block.Sort();
            block.ForEach(chain.Ids.Enqueue);
            chain.NextBlock = Math.Min(chain.NextBlock * 2, MaxIdBlock);
        }

        var e = new AuditEvent
        {
            Id = chain.Ids.Dequeue(),
            OccurredAt = AuditChain.ToStoredPrecision(time.GetUtcNow()),
            Actor = entry.Actor,
            Action = entry.Action,
            SubjectType = entry.SubjectType,
            SubjectId = entry.SubjectId,
            Details = entry.Details ?? [],
            PrevHash = prevHash,
            Hash = "",
        };
        e.Hash = AuditChain.ComputeHash(prevHash, e);
        db.AuditEvents.Add(e);
        chain.Last = e;
        return e;
    }

    sealed class TransactionChain
    {
        public bool Locked;
        public int NextBlock = 1;
        public readonly Queue<long> Ids = new();
        public AuditEvent? Last;

        /// <summary>The hash of this transaction's last event while it is still to be saved or saved in it; null when
        /// the transaction has appended nothing yet, or its event was dropped from the context.</summary>
        public string? HeadIn(OpsDbContext db) =>
            Last is not null && db.Entry(Last).State is EntityState.Added or EntityState.Unchanged ? Last.Hash : null;
    }
}
