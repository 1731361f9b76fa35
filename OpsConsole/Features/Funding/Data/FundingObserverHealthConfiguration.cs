using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Features.Funding.Data;

sealed class FundingObserverHealthConfiguration : IEntityTypeConfiguration<FundingObserverHealth>
{
    public void Configure(EntityTypeBuilder<FundingObserverHealth> b)
    {
        b.ToTable("funding_observer_health");
        b.HasKey(h => h.FundingHandle);
        b.Property(h => h.FundingHandle).ValueGeneratedNever();
        b.Property(h => h.LastError).HasMaxLength(1000);
        b.Property(h => h.Version).IsRowVersion();
    }
}
