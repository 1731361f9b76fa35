using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Features.Funding.Data;

sealed class FundingObservationCurrentConfiguration : IEntityTypeConfiguration<FundingObservationCurrent>
{
    public void Configure(EntityTypeBuilder<FundingObservationCurrent> b)
    {
        b.ToTable("funding_observations_current");
        b.HasKey(c => new { c.FundingHandle, c.TxHash });
        b.Property(c => c.TxHash).HasMaxLength(66);
        b.Property(c => c.AccountId).HasMaxLength(128);
        b.Property(c => c.AssetId).HasMaxLength(16);
        b.Property(c => c.Chain).HasMaxLength(16);
        b.Property(c => c.Status).HasMaxLength(32);
        b.Property(c => c.Amount).HasColumnType("numeric");
        b.Property(c => c.BridgeDepositTxHash).HasMaxLength(66);
        b.HasIndex(c => c.TxHash);
        b.HasIndex(c => new { c.AssetId, c.Status });
    }
}
