using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Features.Funding.Data;

sealed class FundingObservationConfiguration : IEntityTypeConfiguration<FundingObservation>
{
    public void Configure(EntityTypeBuilder<FundingObservation> b)
    {
        b.ToTable("funding_observations");
        b.HasKey(o => o.FundingObservationId);
        b.Property(o => o.AccountId).HasMaxLength(128);
        b.Property(o => o.AssetId).HasMaxLength(16);
        b.Property(o => o.Chain).HasMaxLength(16);
        b.Property(o => o.Source).HasMaxLength(16);
        b.Property(o => o.TxHash).HasMaxLength(66);
        b.Property(o => o.Status).HasMaxLength(32);
        b.Property(o => o.Amount).HasColumnType("numeric");
        b.Property(o => o.BridgeDepositTxHash).HasMaxLength(66);
        b.HasIndex(o => o.TxHash);
        b.HasIndex(o => o.FundingHandle);
        b.HasIndex(o => o.IngestedAt);
    }
}
