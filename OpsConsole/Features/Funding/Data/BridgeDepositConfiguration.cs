using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Features.Funding.Data;

sealed class BridgeDepositConfiguration : IEntityTypeConfiguration<BridgeDepositRecord>
{
    public void Configure(EntityTypeBuilder<BridgeDepositRecord> b)
    {
        b.ToTable("bridge_deposits");
        b.Property(d => d.Asset).HasMaxLength(16);
        b.Property(d => d.Amount).HasColumnType("numeric");
        b.Property(d => d.DepositTxHash).HasMaxLength(66);
        b.Property(d => d.Account).HasMaxLength(128);
        b.Property(d => d.KeyId).HasMaxLength(128);
        // A deposit is credited once: a repeat of its hash is skipped on insert.
        b.HasIndex(d => d.DepositTxHash).IsUnique();
        b.HasIndex(d => new { d.Account, d.Asset, d.CreditedAt });
    }
}
