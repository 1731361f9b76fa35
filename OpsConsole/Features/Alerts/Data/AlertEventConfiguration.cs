using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Alerts;

namespace OpsConsole.Features.Alerts.Data;

sealed class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> b)
    {
        b.ToTable("ops_alerts");
        b.HasKey(e => e.EventId);
        b.Property(e => e.EventId).HasColumnName("alert_event_id").ValueGeneratedNever();
        b.Property(e => e.Code).HasColumnName("alert_code").HasMaxLength(64);
        b.Property(e => e.Status).HasMaxLength(16).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<AlertEventStatus>(s, true));
        b.Property(e => e.Severity).HasMaxLength(16).HasConversion<string>();
        b.Property(e => e.ClearCause).HasMaxLength(16).HasConversion<string>();
        b.Property(e => e.ServiceScope).HasMaxLength(64);
        b.Property(e => e.ScopeKey).HasMaxLength(300);
        b.Property(e => e.Pair).HasMaxLength(33);
        b.Property(e => e.AssetId).HasMaxLength(128);
        b.Property(e => e.TxHash).HasMaxLength(128);
        b.Property(e => e.Why).HasColumnName("details").HasColumnType("jsonb").HasConversion(w => AlertJson.Write(w), s => AlertJson.Read(s));
        // The history, newest first, and an alert's events by code and scope.
        b.HasIndex(e => new { e.OccurredAt, e.EventId }).IsDescending();
        b.HasIndex(e => new { e.Code, e.ScopeKey, e.OccurredAt });
        b.HasIndex(e => e.RaisedEventId);
    }
}
