using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Features.Funding.Data;

sealed class FundingHandleConfiguration : IEntityTypeConfiguration<FundingHandle>
{
    public void Configure(EntityTypeBuilder<FundingHandle> b)
    {
        b.ToTable("funding_handles", t =>
        {
            t.HasCheckConstraint("ck_funding_handles_chain_asset", "(chain = 'bitcoin' AND asset = 'BTC') OR (chain = 'gnosis' AND asset = 'EURe')");
        });
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Chain).HasMaxLength(16);
        b.Property(h => h.Asset).HasMaxLength(16);
        b.Property(h => h.Account).HasMaxLength(128);
        b.Property(h => h.DepositAddress).HasMaxLength(100);
        b.Property(h => h.Label).HasMaxLength(200);
        b.Property(h => h.UpdatedBy).HasMaxLength(320);
        b.Property(h => h.Version).IsRowVersion();
        // One handle per address on a chain, so a deposit is never counted for two handles.
        b.HasIndex(h => new { h.Chain, h.DepositAddress }).IsUnique();
    }
}
