using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Features.Alerts.Ingest;

namespace OpsConsole.Features.Alerts.Data;

sealed class TradeResultRecordConfiguration : IEntityTypeConfiguration<TradeResultRecord>
{
    public void Configure(EntityTypeBuilder<TradeResultRecord> b)
    {
        b.ToTable("trade_results");
        b.Property(r => r.TradeId).HasMaxLength(128);
        b.Property(r => r.Pair).HasMaxLength(33);
        b.Property(r => r.Status).HasMaxLength(16);
        b.Property(r => r.Reason).HasMaxLength(TradeResult.MaxReasonLength);
        b.Property(r => r.KeyId).HasMaxLength(128);
        b.HasIndex(r => new { r.TradeId, r.Status }).IsUnique();
    }
}
