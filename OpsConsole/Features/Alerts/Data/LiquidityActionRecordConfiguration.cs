using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Features.Alerts.Ingest;

namespace OpsConsole.Features.Alerts.Data;

sealed class LiquidityActionRecordConfiguration : IEntityTypeConfiguration<LiquidityActionRecord>
{
    public void Configure(EntityTypeBuilder<LiquidityActionRecord> b)
    {
        b.ToTable("liquidity_actions");
        b.Property(r => r.ActionId).HasMaxLength(128);
        b.Property(r => r.Kind).HasMaxLength(128);
        b.Property(r => r.Asset).HasMaxLength(128);
        b.Property(r => r.Amount).HasColumnType("numeric");
        b.Property(r => r.Status).HasMaxLength(16);
        b.Property(r => r.KeyId).HasMaxLength(128);
        b.HasIndex(r => new { r.ActionId, r.Status, r.At }).IsUnique();
    }
}
