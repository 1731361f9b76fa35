using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Audit;

namespace OpsConsole.Platform.Data.Configurations;

sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Details).HasColumnType("jsonb");
        b.Property(e => e.PrevHash).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(e => new { e.SubjectType, e.SubjectId, e.Id });
        b.HasIndex(e => new { e.Actor, e.Id });
        b.HasIndex(e => e.OccurredAt);
    }
}
