using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Alerts;

namespace OpsConsole.Features.Alerts.Data;

sealed class AlertSilenceConfiguration : IEntityTypeConfiguration<AlertSilence>
{
    public void Configure(EntityTypeBuilder<AlertSilence> b)
    {
        b.ToTable("alert_silences");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Code).HasColumnName("alert_code").HasMaxLength(64);
        b.Property(s => s.ScopeKey).HasMaxLength(300);
        b.Property(s => s.Note).HasMaxLength(AlertNotes.MaxLength);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
        b.Property(s => s.EndedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsRowVersion();
        b.Ignore(s => s.Until);
        b.HasIndex(s => s.EndsAt);
    }
}
