using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OpsConsole.Domain.Audit;
using OpsConsole.Platform.Data;

namespace OpsConsole.Platform.Audit;

/// <summary>
/// The one writer of audit_events, called by the guarded-transition executor. It appends inside the change's transaction,
/// so the events commit or roll back with the change they describe; a transaction-scoped advisory lock makes concurrent
/// appenders take turns on the chain. Many events (an SLA batch) are written with one multi-row insert, the chain
/// computed here in id order.
/// </summary>
public sealed class AuditTrail(TimeProvider time)
{
    // Any fixed number works; it only has to be the same for every appender.
    const long ChainLock = 0x0a0d17_c4a1;

    // The chain's head as this transaction left it, so that appending again in it pays no lock or read.
    static readonly ConditionalWeakTable<IDbContextTransaction, TransactionChain> Chains = new();

    public async Task<AuditEvent> AppendAsync(OpsDbContext db, AuditEntry entry, CancellationToken ct = default) =>
        (await AppendAsync(db, [entry], ct))[0];

    /// <summary>Appends the entries in order, each chained to the one before; returns the events as stored.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AppendAsync(OpsDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        var tx = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Audit events are appended inside the transaction of the change they describe; begin one first.");
        if (entries.Count == 0)
            return [];
        var chain = Chains.GetValue(tx, _ => new TransactionChain());
        if (chain.Head is null)
        {
            // Held until the transaction ends: nobody else appends or draws an id until then.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
            chain.Head = await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
        }
        // Drawn under the lock, so id order is chain order.
        var ids = await db.Database.SqlQuery<long>(
            $"SELECT nextval('audit_events_id_seq') AS \"Value\" FROM generate_series(1, {entries.Count})").ToListAsync(ct);
        ids.Sort();

        var at = AuditChain.ToStoredPrecision(time.GetUtcNow());
        var events = new List<AuditEvent>(entries.Count);
        var prevHash = chain.Head;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var e = new AuditEvent
            {
                Id = ids[i],
                OccurredAt = at,
                Actor = entry.Actor,
                Action = entry.Action,
                SubjectType = entry.SubjectType,
                SubjectId = entry.SubjectId,
                Details = entry.Details ?? [],
                PrevHash = prevHash,
                Hash = "",
            };
            e.Hash = prevHash = AuditChain.ComputeHash(e.PrevHash, e);
            events.Add(e);
        }
        await InsertAsync(db, events, ct);
        chain.Head = prevHash;
        return events;
    }

    static Task InsertAsync(OpsDbContext db, List<AuditEvent> events, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""
            INSERT INTO audit_events (id, occurred_at, actor, action, subject_type, subject_id, details, prev_hash, hash)
            SELECT * FROM unnest(@id, @at, @actor, @action, @subject_type, @subject_id, @details, @prev_hash, @hash)
            """,
            [
                new NpgsqlParameter("id", events.Select(e => e.Id).ToArray()),
                new NpgsqlParameter("at", events.Select(e => e.OccurredAt).ToArray()),
                new NpgsqlParameter("actor", events.Select(e => e.Actor).ToArray()),
                new NpgsqlParameter("action", events.Select(e => e.Action).ToArray()),
                new NpgsqlParameter("subject_type", events.Select(e => e.SubjectType).ToArray()),
                new NpgsqlParameter("subject_id", events.Select(e => e.SubjectId).ToArray()),
                new NpgsqlParameter("details", events.Select(e => e.Details.ToJsonString()).ToArray()) { DataTypeName = "jsonb[]" },
                new NpgsqlParameter("prev_hash", events.Select(e => e.PrevHash).ToArray()),
                new NpgsqlParameter("hash", events.Select(e => e.Hash).ToArray()),
            ], ct);

    sealed class TransactionChain
    {
        /// <summary>The hash of the last event in the chain as this transaction sees it; null until it takes the lock.</summary>
        public string? Head;
    }
}
