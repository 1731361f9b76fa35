using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Features.Alerts.Ingest;

namespace OpsConsole.Features.Alerts.Data;

sealed class InventoryCurrentConfiguration : IEntityTypeConfiguration<InventoryCurrent>
{
    public void Configure(EntityTypeBuilder<InventoryCurrent> b)
    {
        b.ToTable("inventory_current");
        b.HasKey(r => new { r.Account, r.Asset });
        b.Property(r => r.Account).HasMaxLength(128);
        b.Property(r => r.Asset).HasMaxLength(128);
        b.Property(r => r.Spendable).HasColumnType("numeric");
        b.Property(r => r.PendingInbound).HasColumnType("numeric");
    }
}
