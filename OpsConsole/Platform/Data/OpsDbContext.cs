using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.Audit;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Platform.Data;

public class OpsDbContext : IdentityDbContext<OpsUser>, IDataProtectionKeyContext
{
    public OpsDbContext(DbContextOptions<OpsDbContext> options) : base(options) { }

    /// <summary>For contexts that extend the model (tests add an aggregate of their own).</summary>
    protected OpsDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Department> Departments => Set<Department>();
    public DbSet<UserDepartment> UserDepartments => Set<UserDepartment>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DeadLetter> DeadLetters => Set<DeadLetter>();
    public DbSet<DeadLetterAction> DeadLetterActions => Set<DeadLetterAction>();
    public DbSet<MachineRequestSignature> MachineRequestSignatures => Set<MachineRequestSignature>();
    /// <summary>Cookie and antiforgery keys, shared so that every app instance reads every other's cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobRunCurrent> JobRuns => Set<JobRunCurrent>();
    public DbSet<ApprovalRequest> ApprovalRequests => Set<ApprovalRequest>();
    public DbSet<ApprovalIdempotencyKey> ApprovalIdempotencyKeys => Set<ApprovalIdempotencyKey>();
    public DbSet<SlaDeferral> SlaDeferrals => Set<SlaDeferral>();
    public DbSet<OutboxEntry> NotificationOutbox => Set<OutboxEntry>();
    public DbSet<SlaPolicyOverride> SlaPolicyOverrides => Set<SlaPolicyOverride>();
    public DbSet<UserPreferences> UserPreferences => Set<UserPreferences>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OpsDbContext).Assembly);
        // Audit ids are drawn under the chain lock, so id order is chain order.
        builder.HasSequence<long>("audit_events_id_seq");
        // Trigram indexes make substring search (ILIKE '%…%') use an index.
        builder.HasPostgresExtension("pg_trgm");
    }
}
