using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Alerts;

namespace OpsConsole.Features.Alerts.Data;

sealed class ActiveAlertConfiguration : IEntityTypeConfiguration<ActiveAlert>
{
    public void Configure(EntityTypeBuilder<ActiveAlert> b)
    {
        b.ToTable("ops_alerts_current");
        // At most one active alert per code and scope: a second raise of the same is a conflict the executor retries.
        b.HasKey(a => new { a.Code, a.ScopeKey });
        b.Property(a => a.Code).HasColumnName("alert_code").HasMaxLength(64);
        b.Property(a => a.ScopeKey).HasMaxLength(300);
        b.Property(a => a.EventId).HasColumnName("alert_event_id");
        b.Property(a => a.Severity).HasMaxLength(16).HasConversion<string>();
        b.Property(a => a.ServiceScope).HasMaxLength(64);
        b.Property(a => a.Pair).HasMaxLength(33);
        b.Property(a => a.AssetId).HasMaxLength(128);
        b.Property(a => a.TxHash).HasMaxLength(128);
        b.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        b.Property(a => a.AcknowledgementNote).HasMaxLength(AlertNotes.MaxLength);
        b.Property(a => a.Why).HasColumnName("details").HasColumnType("jsonb").HasConversion(w => AlertJson.Write(w), s => AlertJson.Read(s));
        b.Property(a => a.Version).IsRowVersion();
        b.Ignore(a => a.Scope);
        b.HasIndex(a => a.EventId).IsUnique();
    }
}
