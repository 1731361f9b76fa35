using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Audit;
using OpsConsole.Platform.Data;

namespace OpsConsole.Features.Audit;

/// <summary>
/// The one writer of audit_events. It appends inside the caller's transaction, so the event commits or rolls back
/// with the change it describes; a transaction-scoped advisory lock makes concurrent appenders take turns on the chain.
/// </summary>
public sealed class AuditTrail(TimeProvider time)
{
    // Any fixed number works; it only has to be the same for every appender.
    const long ChainLock = 0x0a0d17_c4a1;

    public async Task<AuditEvent> AppendAsync(OpsDbContext db, AuditEntry entry, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Audit events are appended inside the transaction of the change they describe; begin one first.");

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
        var pending = db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .OrderByDescending(e => e.Id).FirstOrDefault();
        var prevHash = pending?.Hash
            ?? await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct)
            ?? AuditChain.Genesis;
        var id = await db.Database.SqlQuery<long>($"SELECT nextval('audit_events_id_seq') AS \"Value\"").SingleAsync(ct);

        var e = new AuditEvent
        {
            Id = id,
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
        return e;
    }

    /// <summary>Appends one event in a transaction of its own, for actions that change nothing else.</summary>
    public async Task<AuditEvent> AppendAloneAsync(OpsDbContext db, AuditEntry entry, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var e = await AppendAsync(db, entry, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return e;
    }
}
