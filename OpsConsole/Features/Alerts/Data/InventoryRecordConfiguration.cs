using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Features.Alerts.Ingest;

namespace OpsConsole.Features.Alerts.Data;

sealed class InventoryRecordConfiguration : IEntityTypeConfiguration<InventoryRecord>
{
    public void Configure(EntityTypeBuilder<InventoryRecord> b)
    {
        b.ToTable("inventory_snapshots");
        b.Property(r => r.Account).HasMaxLength(128);
        b.Property(r => r.Asset).HasMaxLength(128);
        b.Property(r => r.Spendable).HasColumnType("numeric");
        b.Property(r => r.PendingInbound).HasColumnType("numeric");
        b.Property(r => r.KeyId).HasMaxLength(128);
        b.HasIndex(r => new { r.Account, r.Asset, r.AsOf }).IsUnique();
    }
}
