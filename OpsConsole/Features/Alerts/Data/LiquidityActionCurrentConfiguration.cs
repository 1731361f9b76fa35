using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Features.Alerts.Ingest;

namespace OpsConsole.Features.Alerts.Data;

sealed class LiquidityActionCurrentConfiguration : IEntityTypeConfiguration<LiquidityActionCurrent>
{
    public void Configure(EntityTypeBuilder<LiquidityActionCurrent> b)
    {
        b.ToTable("liquidity_actions_current");
        b.HasKey(r => r.ActionId);
        b.Property(r => r.ActionId).HasMaxLength(128);
        b.Property(r => r.Kind).HasMaxLength(128);
        b.Property(r => r.Asset).HasMaxLength(128);
        b.Property(r => r.Amount).HasColumnType("numeric");
        b.Property(r => r.Status).HasMaxLength(16);
        // The stuck-action rule reads only the actions still open.
        b.HasIndex(r => r.FirstAt).HasFilter("status NOT IN ('settled', 'failed', 'cancelled')")
            .HasDatabaseName("ix_liquidity_actions_current_open_first_at");
    }
}
