using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Audit;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Platform.Data;

/// <summary>
/// The one database context. It names only Platform's tables; each feature maps its own in its Data/ folder (found by
/// ApplyConfigurationsFromAssembly) and reaches them through extension members on this type.
/// </summary>
public class OpsDbContext : DbContext, IDataProtectionKeyContext
{
    public OpsDbContext(DbContextOptions<OpsDbContext> options) : base(options) { }

    /// <summary>For contexts that extend the model (tests add an aggregate of their own).</summary>
    protected OpsDbContext(DbContextOptions options) : base(options) { }

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DeadLetter> DeadLetters => Set<DeadLetter>();
    public DbSet<DeadLetterAction> DeadLetterActions => Set<DeadLetterAction>();
    public DbSet<MachineRequestSignature> MachineRequestSignatures => Set<MachineRequestSignature>();
    /// <summary>Cookie and antiforgery keys, shared so that every app instance reads every other's cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobRunCurrent> JobRuns => Set<JobRunCurrent>();
    public DbSet<OutboxEntry> NotificationOutbox => Set<OutboxEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.ApplyConfigurationsFromAssembly(typeof(OpsDbContext).Assembly);
        // Audit ids are drawn under the chain lock, so id order is chain order.
        builder.HasSequence<long>("audit_events_id_seq");
        // Trigram indexes make substring search (ILIKE '%…%') use an index.
        builder.HasPostgresExtension("pg_trgm");
    }
}
