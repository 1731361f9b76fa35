using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpsConsole.Features.Funding.Data;

sealed class FundingObserverStateConfiguration : IEntityTypeConfiguration<FundingObserverState>
{
    public void Configure(EntityTypeBuilder<FundingObserverState> b)
    {
        b.ToTable("funding_observer_state");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.ChangedBy).HasMaxLength(320);
        b.Property(s => s.RefreshedBy).HasMaxLength(320);
        b.Property(s => s.Version).IsRowVersion();
        // The one row exists from the start, so pausing is an update that two people cannot both win.
        b.HasData(new FundingObserverState { Id = FundingObserverState.TheRow });
    }
}
