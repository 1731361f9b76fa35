using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Alerts.Ingest;
using OpsConsole.Features.Alerts.Ingest;

namespace OpsConsole.Features.Alerts.Data;

sealed class ExecutorPairCurrentConfiguration : IEntityTypeConfiguration<ExecutorPairCurrent>
{
    public void Configure(EntityTypeBuilder<ExecutorPairCurrent> b)
    {
        b.ToTable("executor_pairs_current");
        b.HasKey(r => r.Pair);
        b.Property(r => r.Pair).HasMaxLength(33);
        b.Property(r => r.LastFailedTradeId).HasMaxLength(128);
        b.Property(r => r.LastFilledTradeId).HasMaxLength(128);
        b.Property(r => r.LastFailureReason).HasMaxLength(TradeResult.MaxReasonLength);
    }
}
